/** What bench/soak.ts and its gateway process (bench/soak-server.ts) say to each other over IPC. */

/** From the soak: collect garbage, then report memory; `id` pairs the answer with the question. */
export interface SampleRequest {
  type: 'sample';
  id: number;
}

export type ServerMessage =
  { type: 'listening'; port: number } | { type: 'memory'; id: number; heapUsed: number; rss: number };
