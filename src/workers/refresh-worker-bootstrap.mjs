// Worker threads do not inherit the TypeScript loader that runs the server; register it here,
// then load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./refresh-worker.ts');
