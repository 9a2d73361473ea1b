import * as appRole from './0001_app_role';
import * as jobRuns from './0002_job_runs';
import * as eventOutbox from './0003_event_outbox';

export const migrations = {
  '0001_app_role': appRole,
  '0002_job_runs': jobRuns,
  '0003_event_outbox': eventOutbox,
};
