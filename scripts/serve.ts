/**
 * Serves the production build (`npm start` ends here; `npm run serve` when the build and
 * migrations are done already). A thin HTTP server in front of Next.js's request handler,
 * for one reason: Next.js keeps an `X-Forwarded-For` header that the client sent, so the
 * app could not tell a client's own claim from the address a proxy saw. Here the address
 * is taken from the socket, or from X-Forwarded-For only as far as DEMARCHE_TRUSTED_PROXIES
 * says (docs/deploy.md), and handed on in a header the client cannot set.
 *
 *   --port <n>      default $PORT or 3000
 *   --hostname <h>  default all interfaces
 */
import "./lib/env";
import { parseEnv, readEnv } from "../lib/env";
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress, SERVED_FLAG, trustedProxyHops } from "../lib/auth/request";
import { main, ROOT } from "./lib/run";

await main(async () => {
  const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
  // The environment (PORT, DEMARCHE_TRUSTED_PROXIES) was validated by ./lib/env; --port is checked by the same rule.
  const port = values.port === undefined ? readEnv().PORT : parseEnv({ PORT: values.port }).PORT;
  const hops = trustedProxyHops();
  Object.assign(process.env, { NODE_ENV: "production" });
  // Read by lib/auth/request.ts in this same process: the header below is ours.
  process.env[SERVED_FLAG] = "1";

  const app = next({ dev: false, dir: ROOT, port, hostname: values.hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"]?.toString(), hops);
    void handle(req, res);
  });
  server.listen(port, values.hostname, () => {
    console.log(`Serving on port ${port}${hops > 0 ? `, trusting ${hops} proxy hop(s) for the client address` : ""}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      // Open keep-alive connections would hold close() up: do not wait for them forever.
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
});
