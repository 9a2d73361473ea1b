import * as externalIds from './0001_external_ids';
import * as sync from './0002_sync';
import * as versions from './0003_versions';
import * as writeIntents from './0004_write_intents';
import * as privacyExports from './0005_privacy_exports';
import * as writeIntentResults from './0006_write_intent_results';

export const migrations = {
  '0001_external_ids': externalIds,
  '0002_sync': sync,
  '0003_versions': versions,
  '0004_write_intents': writeIntents,
  '0005_privacy_exports': privacyExports,
  '0006_write_intent_results': writeIntentResults,
};
