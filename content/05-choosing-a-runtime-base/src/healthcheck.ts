// The container's health check, run as `node dist/healthcheck.js`: exit 0
// when the server answers /healthz, 1 otherwise. No shell, no curl.
const port = Number(process.env.PORT ?? 3000);

try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(2000),
  });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
