import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const NGINX = '/usr/sbin/nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** A free localhost port. */
function freePort(): Promise<number> {
	return new Promise((ok) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => ok(port));
		});
	});
}

/**
 * Starts Debian's nginx with deploy/koers.conf as shipped (only the build path and the port set),
 * serving `buildDir`; fails with the install command when nginx or the brotli module is missing.
 */
export async function startNginx(
	options: { buildDir?: string } = {}
): Promise<{ url: string; stop: () => Promise<void> }> {
	if (!existsSync(NGINX) || !existsSync(BROTLI))
		throw new Error(
			'nginx with brotli_static is missing: apt-get install -y nginx libnginx-mod-http-brotli-static'
		);
	const dir = mkdtempSync(join(tmpdir(), 'koers-nginx-'));
	const port = await freePort();
	const build = resolve(options.buildDir ?? 'build');
	const site = readFileSync('deploy/koers.conf', 'utf8')
		.replaceAll('/srv/koers/build', build)
		.replace('listen 8080;', `listen 127.0.0.1:${port};`);
	writeFileSync(join(dir, 'koers.conf'), site);
	const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
		.map((t) => `${t}_temp_path ${join(dir, t)};`)
		.join(' ');
	writeFileSync(
		join(dir, 'nginx.conf'),
		`load_module ${BROTLI};
user root;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http { include /etc/nginx/mime.types; access_log off; ${temp} include ${join(dir, 'koers.conf')}; }
`
	);
	const proc = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
		stdio: 'pipe'
	});
	let stderr = '';
	proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		try {
			await fetch(url + '/');
			break;
		} catch {
			if (proc.exitCode !== null || i > 100) {
				rmSync(dir, { recursive: true, force: true });
				throw new Error(`nginx did not start: ${stderr}`);
			}
			await new Promise((r) => setTimeout(r, 50));
		}
	}
	return {
		url,
		stop: async () => {
			proc.kill('SIGQUIT');
			await new Promise((r) => proc.once('exit', r));
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
