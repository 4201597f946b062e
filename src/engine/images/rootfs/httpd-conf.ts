// Apache httpd 2.4's configuration as the official image leaves it: the stock httpd.conf (its
// default modules and directives; the comments shortened and ours) with the image's edits: logs
// to the container's stdout and stderr, workers running as www-data.

const ENABLED_MODULES = [
  "mpm_event", "authn_file", "authn_core", "authz_host", "authz_groupfile", "authz_user", "authz_core",
  "access_compat", "auth_basic", "reqtimeout", "filter", "mime", "log_config", "env", "headers", "setenvif",
  "version", "unixd", "status", "autoindex", "dir", "alias",
];
const DISABLED_MODULES = ["mpm_prefork", "mpm_worker", "rewrite", "proxy", "proxy_http", "proxy_fcgi", "ssl", "deflate", "expires", "cgid", "cgi"];

export const httpdModules = (): string[] => [...ENABLED_MODULES, ...DISABLED_MODULES];

export const HTTPD_CONF = `#
# The main configuration of the Apache HTTP Server. Directives are documented at
# https://httpd.apache.org/docs/2.4/ ; paths that do not start with "/" are
# relative to ServerRoot.
#

ServerRoot "/usr/local/apache2"

#
# Listen: the addresses and ports the server answers on.
#
#Listen 12.34.56.78:80
Listen 80

#
# Dynamic modules. Uncomment a LoadModule line to enable its module.
#
${ENABLED_MODULES.map((m) => `LoadModule ${m}_module modules/mod_${m}.so`).join("\n")}
${DISABLED_MODULES.map((m) => `#LoadModule ${m}_module modules/mod_${m}.so`).join("\n")}

<IfModule unixd_module>
#
# The user and group the worker processes run as, once started by root.
#
User www-data
Group www-data

</IfModule>

ServerAdmin you@example.com

#ServerName www.example.com:80

#
# Deny access to the whole filesystem; directories below are opened one by one.
#
<Directory />
    AllowOverride none
    Require all denied
</Directory>

#
# DocumentRoot: the directory the server's documents are served from.
#
DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

#
# Never serve .htaccess and .htpasswd files.
#
<Files ".ht*">
    Require all denied
</Files>

#
# In a container, errors go to stderr and the access log to stdout.
#
ErrorLog /proc/self/fd/2

LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common

    <IfModule logio_module>
      LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\" %I %O" combinedio
    </IfModule>

    CustomLog /proc/self/fd/1 common

    #CustomLog "logs/access_log" combined
</IfModule>

<IfModule alias_module>
    #Redirect permanent /foo http://www.example.com/bar

    #Alias /webpath /full/filesystem/path

    ScriptAlias /cgi-bin/ "/usr/local/apache2/cgi-bin/"

</IfModule>

<IfModule cgid_module>
    #Scriptsock cgisock
</IfModule>

<Directory "/usr/local/apache2/cgi-bin">
    AllowOverride None
    Options None
    Require all granted
</Directory>

<IfModule headers_module>
    RequestHeader unset Proxy early
</IfModule>

<IfModule mime_module>
    TypesConfig conf/mime.types

    #AddType application/x-gzip .tgz
    AddType application/x-compress .Z
    AddType application/x-gzip .gz .tgz

    #AddHandler cgi-script .cgi
    #AddType text/html .shtml
    #AddOutputFilter INCLUDES .shtml
</IfModule>

#MIMEMagicFile conf/magic

#ErrorDocument 500 "The server made a boo boo."
#ErrorDocument 404 /missing.html

#EnableMMAP off
#EnableSendfile on

# Supplemental configuration, in conf/extra/: uncomment to use.
#Include conf/extra/httpd-mpm.conf
#Include conf/extra/httpd-multilang-errordoc.conf
#Include conf/extra/httpd-autoindex.conf
#Include conf/extra/httpd-languages.conf
#Include conf/extra/httpd-userdir.conf
#Include conf/extra/httpd-info.conf
#Include conf/extra/httpd-vhosts.conf
#Include conf/extra/httpd-manual.conf
#Include conf/extra/httpd-dav.conf
#Include conf/extra/httpd-default.conf

<IfModule proxy_html_module>
Include conf/extra/proxy-html.conf
</IfModule>

#Include conf/extra/httpd-ssl.conf

<IfModule ssl_module>
SSLRandomSeed startup builtin
SSLRandomSeed connect builtin
</IfModule>

`;

const MIME: readonly (readonly [string, string])[] = [
  ["application/json", "json"], ["application/javascript", "js"], ["application/pdf", "pdf"],
  ["application/wasm", "wasm"], ["application/xml", "xml xsl"], ["application/zip", "zip"],
  ["application/gzip", "gz"], ["application/octet-stream", "bin dms lrf mar so dist distz pkg bpk dump elc deploy"],
  ["audio/mpeg", "mpga mp2 mp2a mp3 m2a m3a"], ["font/woff", "woff"], ["font/woff2", "woff2"],
  ["image/gif", "gif"], ["image/jpeg", "jpeg jpg jpe"], ["image/png", "png"], ["image/svg+xml", "svg svgz"],
  ["image/webp", "webp"], ["image/x-icon", "ico"], ["text/css", "css"], ["text/csv", "csv"],
  ["text/html", "html htm"], ["text/plain", "txt text conf def list log in"], ["video/mp4", "mp4 mp4v mpg4"],
  ["video/webm", "webm"],
];

export function apacheMimeTypes(): string {
  const lines = MIME.map(([type, ext]) => `${type}${"\t".repeat(Math.max(1, 6 - Math.floor(type.length / 8)))}${ext}`);
  return `# Media types the server knows, each with the file name extensions that map to it.\n# MIME type (lowercased)\t\t\tExtensions\n${lines.join("\n")}\n`;
}

export const HTTPD_INDEX = `<html><body><h1>Apache httpd is serving this page.</h1>
<p>This is the default page of the httpd container image. Put your own site in
/usr/local/apache2/htdocs/ to replace it.</p></body></html>
`;

// Our own script, doing what the image's does: clear a stale pid file, run httpd in the foreground.
export const HTTPD_FOREGROUND = `#!/bin/sh
set -e

# httpd refuses to start while a pid file from an earlier run is still there.
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;
