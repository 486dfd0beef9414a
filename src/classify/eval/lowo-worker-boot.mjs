// A worker thread of the leave-one-writer-out run: TypeScript through tsx's loader, then the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./lowo-worker.ts');
