// The static twin for bench:server: Express serving files with the same compression middleware.
import express from 'express';
import compression from 'compression';

const [dir, port] = process.argv.slice(2);
const app = express();
app.use(compression());
app.use(express.static(dir));
app.listen(Number(port), '127.0.0.1', () => console.log('listening'));
