// The floor every api figure is read against: node:http answering constant JSON, no framework, no
// database. `node reference/bare-http.mjs <port>`; listens on loopback until killed.
import { createServer } from 'node:http';

const BODY = '{"status":"success","data":{"ok":true}}';
createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(BODY);
}).listen(Number(process.argv[2]), '127.0.0.1');
