/**
 * The ceiling for bench/load.ts: a bare Node HTTP server answering every request with the
 * same HTML (of the size the app's page had), no framework, no database. The issue's
 * yardstick was a bare Next.js page; this one is cheaper still, so a ratio against it is a
 * stricter test (a bare Next.js page would need a second build here).
 *
 *   tsx bench/bare-page.ts <port> <html file>
 */
import fs from "node:fs";
import http from "node:http";

const [port, file] = process.argv.slice(2);
if (!port || !file) throw new Error("Usage: tsx bench/bare-page.ts <port> <html file>");
const body = fs.readFileSync(file);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`bare page on ${port}`));
