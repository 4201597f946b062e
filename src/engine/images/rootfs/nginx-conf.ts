// nginx's configuration as the nginx.org packages install it (directives, layout and commented
// examples as learners find them in the image), and the default pages, written in our own words.

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

// As packaged: IPv4 only. 10-listen-on-ipv6-by-default.sh adds "listen [::]:80;" when a
// container starts, so a running container shows both lines.
export const DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

/** The common part of nginx's mime.types: type, then the extensions that map to it. */
const MIME: readonly (readonly [string, string])[] = [
  ["text/html", "html htm shtml"], ["text/css", "css"], ["text/xml", "xml"], ["image/gif", "gif"],
  ["image/jpeg", "jpeg jpg"], ["application/javascript", "js"], ["application/atom+xml", "atom"],
  ["application/rss+xml", "rss"], ["", ""],
  ["text/mathml", "mml"], ["text/plain", "txt"], ["text/vnd.sun.j2me.app-descriptor", "jad"],
  ["text/vnd.wap.wml", "wml"], ["text/x-component", "htc"], ["", ""],
  ["image/avif", "avif"], ["image/png", "png"], ["image/svg+xml", "svg svgz"], ["image/tiff", "tif tiff"],
  ["image/vnd.wap.wbmp", "wbmp"], ["image/webp", "webp"], ["image/x-icon", "ico"], ["image/x-jng", "jng"],
  ["image/x-ms-bmp", "bmp"], ["", ""],
  ["font/woff", "woff"], ["font/woff2", "woff2"], ["", ""],
  ["application/java-archive", "jar war ear"], ["application/json", "json"], ["application/mac-binhex40", "hqx"],
  ["application/msword", "doc"], ["application/pdf", "pdf"], ["application/postscript", "ps eps ai"],
  ["application/rtf", "rtf"], ["application/vnd.apple.mpegurl", "m3u8"], ["application/vnd.ms-excel", "xls"],
  ["application/vnd.ms-fontobject", "eot"], ["application/vnd.ms-powerpoint", "ppt"],
  ["application/wasm", "wasm"], ["application/x-7z-compressed", "7z"], ["application/x-perl", "pl pm"],
  ["application/x-rar-compressed", "rar"], ["application/x-redhat-package-manager", "rpm"],
  ["application/x-tcl", "tcl tk"], ["application/x-x509-ca-cert", "der pem crt"],
  ["application/xhtml+xml", "xhtml"], ["application/xspf+xml", "xspf"], ["application/zip", "zip"], ["", ""],
  ["application/octet-stream", "bin exe dll"], ["application/octet-stream", "deb"],
  ["application/octet-stream", "dmg"], ["application/octet-stream", "iso img"],
  ["application/octet-stream", "msi msp msm"], ["", ""],
  ["audio/midi", "mid midi kar"], ["audio/mpeg", "mp3"], ["audio/ogg", "ogg"], ["audio/x-m4a", "m4a"],
  ["audio/x-realaudio", "ra"], ["", ""],
  ["video/3gpp", "3gpp 3gp"], ["video/mp2t", "ts"], ["video/mp4", "mp4"], ["video/mpeg", "mpeg mpg"],
  ["video/quicktime", "mov"], ["video/webm", "webm"], ["video/x-flv", "flv"], ["video/x-m4v", "m4v"],
  ["video/x-ms-wmv", "wmv"], ["video/x-msvideo", "avi"],
];

export function mimeTypes(): string {
  const lines = MIME.map(([type, ext]) => (type ? `    ${type.padEnd(49)}${ext};` : ""));
  return `\ntypes {\n${lines.join("\n")}\n}\n`;
}

const params = (directive: string, pairs: readonly (readonly [string, string])[]): string =>
  `\n${pairs.map(([k, v]) => (k ? `${directive}  ${k.padEnd(18)} ${v};` : "")).join("\n")}\n`;

type Params = readonly (readonly [string, string])[];
const BLANK = ["", ""] as const;
const REMOTE: Params = [["REMOTE_ADDR", "$remote_addr"], ["REMOTE_PORT", "$remote_port"]];
const SERVER: Params = [["SERVER_PORT", "$server_port"], ["SERVER_NAME", "$server_name"]];
const SCHEME: Params = [["SERVER_PROTOCOL", "$server_protocol"], ["REQUEST_SCHEME", "$scheme"], ["HTTPS", "$https if_not_empty"]];

export const FASTCGI_PARAMS =
  params("fastcgi_param", [
    ["QUERY_STRING", "$query_string"], ["REQUEST_METHOD", "$request_method"], ["CONTENT_TYPE", "$content_type"],
    ["CONTENT_LENGTH", "$content_length"], BLANK,
    ["SCRIPT_NAME", "$fastcgi_script_name"], ["REQUEST_URI", "$request_uri"], ["DOCUMENT_URI", "$document_uri"],
    ["DOCUMENT_ROOT", "$document_root"], ...SCHEME, BLANK,
    ["GATEWAY_INTERFACE", "CGI/1.1"], ["SERVER_SOFTWARE", "nginx/$nginx_version"], BLANK,
    ...REMOTE, ["SERVER_ADDR", "$server_addr"], ...SERVER,
  ]) + "\n# PHP only, required if PHP was built with --enable-force-cgi-redirect\nfastcgi_param  REDIRECT_STATUS    200;\n";

export const SCGI_PARAMS = params("scgi_param", [
  ["REQUEST_METHOD", "$request_method"], ["REQUEST_URI", "$request_uri"], ["QUERY_STRING", "$query_string"],
  ["CONTENT_TYPE", "$content_type"], BLANK,
  ["DOCUMENT_URI", "$document_uri"], ["DOCUMENT_ROOT", "$document_root"], ["SCGI", "1"], ...SCHEME, BLANK,
  ...REMOTE, ...SERVER,
]);

export const UWSGI_PARAMS = params("uwsgi_param", [
  ["QUERY_STRING", "$query_string"], ["REQUEST_METHOD", "$request_method"], ["CONTENT_TYPE", "$content_type"],
  ["CONTENT_LENGTH", "$content_length"], BLANK,
  ["REQUEST_URI", "$request_uri"], ["PATH_INFO", "$document_uri"], ["DOCUMENT_ROOT", "$document_root"], ...SCHEME, BLANK,
  ...REMOTE, ...SERVER,
]);

export const INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>nginx is running</title>
<style>
html { color-scheme: light dark; }
body { width: 38em; margin: 0 auto; font-family: system-ui, sans-serif; }
</style>
</head>
<body>
<h1>nginx is up and serving files</h1>
<p>This is the default page of the nginx container image. If you can read it,
the server started and answered your request.</p>

<p>To serve your own site, put its files in <code>/usr/share/nginx/html</code>
(a bind mount or <code>docker cp</code> will do), or change the server's settings
in <code>/etc/nginx/conf.d/default.conf</code>.</p>

<p>The manual is at <a href="https://nginx.org/en/docs/">nginx.org/en/docs</a>.</p>
</body>
</html>
`;

export const ERROR_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Server error</title>
<style>
html { color-scheme: light dark; }
body { width: 38em; margin: 0 auto; font-family: system-ui, sans-serif; }
</style>
</head>
<body>
<h1>Something went wrong on the server.</h1>
<p>nginx could not complete this request. Please try again in a moment.</p>
<p>If you run this server, its error log (<code>docker logs</code>) says what happened.</p>
</body>
</html>
`;

export const LOGROTATE = `/var/log/nginx/*.log {
        daily
        missingok
        rotate 52
        compress
        delaycompress
        notifempty
        create 640 nginx adm
        sharedscripts
        postrotate
                if [ -f /run/nginx.pid ]; then
                        kill -USR1 \`cat /run/nginx.pid\`
                fi
        endscript
}
`;
