import type { Measurement } from '../lib/results';
import { ingestBenchmark } from './ingest';
import { livePushBenchmark } from './live-push';
import { connectionsBenchmark } from './connections';
import { catchUpBenchmark } from './catch-up';
import { rendererBenchmark } from './renderer';
import { engineScalingBenchmark } from './engine-scaling';
import { crossInstanceBenchmark } from './cross-instance';
import { connectionsAcrossInstancesBenchmark } from './connections-across-instances';
import { importBenchmark } from './import';

export type Log = (line: string) => void;
export interface BenchPart {
  measurements: Measurement[];
  details: Record<string, unknown>;
}
export interface Benchmark {
  id: string;
  title: string;
  run(log: Log): Promise<BenchPart>;
}

/** The six benchmarks of issue 7, issue 14's two cross-instance ones and issue 15's history import, in the order they run. */
export const BENCHMARKS: Benchmark[] = [
  { id: '1', title: 'Ingest throughput (SQLite and PostgreSQL)', run: ingestBenchmark },
  { id: '2', title: 'Live push of a supervisor kudos to N connected agents', run: livePushBenchmark },
  { id: '3', title: 'Memory per idle connected client', run: connectionsBenchmark },
  { id: '4', title: 'Catch-up of a client 10,000 entries behind', run: catchUpBenchmark },
  { id: '5', title: 'Renderer bundle size and first meaningful render', run: () => rendererBenchmark() },
  { id: '6', title: 'Engine cost per event as history grows 1k → 100k', run: engineScalingBenchmark },
  {
    id: '7',
    title: 'Live push across three instances on one PostgreSQL schema',
    run: crossInstanceBenchmark,
  },
  {
    id: '8',
    title: 'Connected clients held by three instances on one PostgreSQL schema (30,000 idle sockets)',
    run: connectionsAcrossInstancesBenchmark,
  },
  {
    id: '9',
    title: 'History import of 1,000,000 events into a fresh SQLite store (sidekick-server import)',
    run: importBenchmark,
  },
];
