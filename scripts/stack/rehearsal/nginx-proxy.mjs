import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../stack-file.mjs';
import { run, start, stop, waitUntilOk } from './processes.mjs';

/** Like the nginx image's templates step: substitutes ${NAME} only for variables that are set. */
export function renderTemplate(text, env) {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name) => env[name] ?? whole);
}

/**
 * One of the stack's nginx services, run by Debian's nginx with the real template and snippets laid
 * out as in the image (/etc/nginx/snippets, templates rendered into conf.d). The main nginx.conf stands
 * in for the image's own, with two differences: it logs which upstream served each request (for the
 * checks), and it runs one worker, where the image runs one per core of its node, because here every
 * process of the stack shares the same two cores.
 */
export async function startNginx(dir, name, env) {
  mkdirSync(join(dir, 'conf.d'), { recursive: true });
  mkdirSync(join(dir, 'snippets'), { recursive: true });
  mkdirSync(join(dir, 'cache'), { recursive: true });
  for (const file of readdirSync(join(repoRoot, 'nginx/snippets'))) {
    copyFileSync(join(repoRoot, 'nginx/snippets', file), join(dir, 'snippets', file));
  }
  copyFileSync('/etc/nginx/mime.types', join(dir, 'mime.types'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  include mime.types;
  default_type application/octet-stream;
  log_format upstream '$msec $status $request_method $uri $upstream_addr $upstream_status $request_time';
  access_log ${dir}/access.log upstream buffer=256k flush=500ms;
  sendfile on;
  keepalive_timeout 65;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include conf.d/*.conf;
}
`,
  );
  const template = readFileSync(join(repoRoot, `nginx/${name}/templates/default.conf.template`), 'utf8');
  writeFileSync(join(dir, 'conf.d/default.conf'), renderTemplate(template, env));
  await run('/usr/sbin/nginx', ['-t', '-q', '-p', dir, '-c', conf]);
  const proc = start(name, '/usr/sbin/nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;']);
  const base = `http://127.0.0.1:${env.NGINX_PORT}`;
  await waitUntilOk(`${base}/healthz`, proc, 10_000);

  return {
    name,
    base,
    accessLog: join(dir, 'access.log'),
    stop: () => stop(proc, 'SIGQUIT', 10_000),
  };
}

/** Access-log lines (see log_format above) written since `sinceMs`. */
export function accessLogSince(file, sinceMs) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [msec, status, method, uri, upstream, upstreamStatus, time] = line.split(' ');
      return { at: Number(msec) * 1000, status: Number(status), method, uri, upstream, upstreamStatus, time };
    })
    .filter((entry) => entry.at >= sinceMs);
}
