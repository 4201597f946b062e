// The registry images (CNCF Distribution on Alpine): CA certificates, the registry binary in
// /bin, its example configuration and a small entrypoint.
import type { Layer } from "../../fs/layer.js";
import { apkDatabase } from "./alpine.js";
import { caBundle } from "./package-files.js";
import { build, program, script } from "./stub.js";

const ALPINE = "3.21.5";

/** `apk add --no-cache ca-certificates`. */
export const registryCaCertificates = (created: string): Layer =>
  build({
    ...apkDatabase(ALPINE, [{
      name: "ca-certificates", version: "20250911-r0", description: "Common CA certificates PEM files from Mozilla",
      url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/", license: "MPL-2.0 AND MIT",
      files: ["usr/sbin/update-ca-certificates"],
    }], ["ca-certificates"]),
    ...caBundle(),
    "/usr/sbin/update-ca-certificates": program("update-ca-certificates", "ca-certificates 20250911"),
    "/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt": "-----BEGIN CERTIFICATE-----\n(stand-in)\n-----END CERTIFICATE-----\n",
  }, created);

/** The release tarball's one file, extracted into /bin. */
export const registryBinary = (version: string, created: string): Layer =>
  build({ "/bin/registry": program("registry", `distribution ${version}`) }, created);

// config-example.yml of each release: the same settings; 3.x adds the tag lookup limit.
const config = (v3: boolean): string => `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry${v3 ? "\n  tag:\n    concurrencylimit: 5" : ""}
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

export const registryConfig = (path: string, version: string, created: string): Layer =>
  build({ [path]: config(version.startsWith("3.")) }, created);

// Our own script, with the image's rule: a config file or a registry subcommand is run by registry.
const ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

export const registryEntrypoint = (created: string): Layer => build({ "/entrypoint.sh": script(ENTRYPOINT) }, created);
