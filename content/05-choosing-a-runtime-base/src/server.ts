import { serve } from "@hono/node-server";
import { Hono } from "hono";
import os from "node:os";

const app = new Hono();

app.get("/", (c) =>
  c.json({
    message: "Hello from a container!",
    env: process.env.NODE_ENV ?? "development",
    user: os.userInfo().username,
  }),
);

app.get("/healthz", (c) => c.text("ok"));

const port = Number(process.env.PORT ?? 3000);

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`listening on http://0.0.0.0:${info.port}`);
});

// `docker stop` sends SIGTERM to PID 1: close the server and exit cleanly.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
  });
}
