// Configuration text of the Debian and Ubuntu images: shell start-up files, login.defs, apt and
// dpkg settings and package sources. The comments are ours; settings and formats are the real
// ones, so the shells, apt and useradd behave as they do in the real images.
import type { DebianRelease } from "./debian-releases.js";

export const BASH_BASHRC = `# /etc/bash.bashrc: read by every interactive bash, before the user's ~/.bashrc.

# Nothing to do for shells that are not interactive.
[ -z "$PS1" ] && return

# Keep LINES and COLUMNS in step with the terminal after each command.
shopt -s checkwinsize

# Name the chroot, if there is one, in the prompt.
if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

# user@host:directory, then # for root and $ for everyone else.
PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
`;

export const PROFILE = `# /etc/profile: read by login shells (bash -l, sh -l).

if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH

if [ "\${PS1-}" ]; then
  if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    # bash keeps its system-wide interactive settings in /etc/bash.bashrc.
    if [ -f /etc/bash.bashrc ]; then
      . /etc/bash.bashrc
    fi
  elif [ "$(id -u)" -eq 0 ]; then
    PS1='# '
  else
    PS1='$ '
  fi
fi

if [ -d /etc/profile.d ]; then
  for i in /etc/profile.d/*.sh; do
    if [ -r "$i" ]; then
      . "$i"
    fi
  done
  unset i
fi
`;

/** Debian's root keeps a short ~/.bashrc; the options are there to uncomment. */
export const ROOT_BASHRC = `# ~/.bashrc: read by interactive bash shells that are not login shells.

# /etc/profile already sets PS1 and umask; set them here only for root to differ.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022

# Uncomment for coloured ls output:
# export LS_OPTIONS='--color=auto'
# eval "$(dircolors)"
# alias ls='ls $LS_OPTIONS'
# alias ll='ls $LS_OPTIONS -l'
# alias l='ls $LS_OPTIONS -lA'
#
# Uncomment to be asked before overwriting or removing files:
# alias rm='rm -i'
# alias cp='cp -i'
# alias mv='mv -i'
`;

export const ROOT_PROFILE = `# ~/.profile: read by login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

export const SKEL_BASHRC = `# ~/.bashrc: read by interactive bash shells that are not login shells.

# Do nothing unless interactive.
case $- in
    *i*) ;;
      *) return;;
esac

# History: skip duplicates and lines starting with a space; append, never overwrite.
HISTCONTROL=ignoreboth
shopt -s histappend
HISTSIZE=1000
HISTFILESIZE=2000

shopt -s checkwinsize

if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

case "$TERM" in
    xterm-color|*-256color) color_prompt=yes;;
esac

if [ "$color_prompt" = yes ]; then
    PS1='\${debian_chroot:+($debian_chroot)}\\[\\033[01;32m\\]\\u@\\h\\[\\033[00m\\]:\\[\\033[01;34m\\]\\w\\[\\033[00m\\]\\$ '
else
    PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
fi
unset color_prompt

if [ -x /usr/bin/dircolors ]; then
    test -r ~/.dircolors && eval "$(dircolors -b ~/.dircolors)" || eval "$(dircolors -b)"
    alias ls='ls --color=auto'
    alias grep='grep --color=auto'
fi

alias ll='ls -alF'
alias la='ls -A'
alias l='ls -CF'

if [ -f ~/.bash_aliases ]; then
    . ~/.bash_aliases
fi
`;

export const SKEL_PROFILE = `# ~/.profile: read by login shells. bash reads it only when there is no
# ~/.bash_profile or ~/.bash_login.

# umask 022

if [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then
    . "$HOME/.bashrc"
fi

if [ -d "$HOME/bin" ]; then
    PATH="$HOME/bin:$PATH"
fi

if [ -d "$HOME/.local/bin" ]; then
    PATH="$HOME/.local/bin:$PATH"
fi
`;

export const SKEL_BASH_LOGOUT = `# ~/.bash_logout: run when a login shell exits.

# Clear the console on the way out, so the next person does not see it.
if [ "$SHLVL" = 1 ]; then
    [ -x /usr/bin/clear_console ] && /usr/bin/clear_console -q
fi
`;

export const motd = (r: DebianRelease): string =>
  r.distro === "debian"
    ? "\nThe programs of this Debian GNU/Linux system are free software; the licence of\neach one is in /usr/share/doc/*/copyright.\n\nDebian GNU/Linux comes with no warranty, as far as the law allows.\n"
    : "";

export const loginDefs = (r: DebianRelease): string => `# /etc/login.defs: settings of the shadow password suite (login, passwd, useradd).

MAIL_DIR        /var/mail
HUSHLOGIN_FILE	.hushlogin
ENV_SUPATH	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ENV_PATH	PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games
TTYGROUP	tty
TTYPERM		0600
ERASECHAR	0177
KILLCHAR	025
UMASK		022
HOME_MODE	0700

PASS_MAX_DAYS	99999
PASS_MIN_DAYS	0
PASS_WARN_AGE	7

UID_MIN			 1000
UID_MAX			60000
SYS_UID_MIN		  100
SYS_UID_MAX		  999
GID_MIN			 1000
GID_MAX			60000
SYS_GID_MIN		  100
SYS_GID_MAX		  999

LOGIN_RETRIES		5
LOGIN_TIMEOUT		60
CHFN_RESTRICT		rwh
DEFAULT_HOME	yes
USERGROUPS_ENAB yes
ENCRYPT_METHOD ${r.codename === "bullseye" || r.codename === "focal" ? "SHA512" : "YESCRYPT"}
`;

export const NSSWITCH = `# /etc/nsswitch.conf: where the C library looks up users, hosts and services.

passwd:         files
group:          files
shadow:         files
gshadow:        files

hosts:          files dns
networks:       files

protocols:      db files
services:       db files
ethers:         db files
rpc:            db files

netgroup:       nis
`;

/** The files debuerreotype and Ubuntu's image build add for containers. */
export const APT_DOCKER: Record<string, string> = {
  "/etc/apt/apt.conf.d/docker-clean":
    "# Containers keep no downloaded packages or package caches: they only make layers bigger.\n" +
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n' +
    'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n\n' +
    'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n',
  "/etc/apt/apt.conf.d/docker-autoremove-suggests":
    "# Packages that something only suggests may be autoremoved.\nApt::AutoRemove::SuggestsImportant \"false\";\n",
  "/etc/apt/apt.conf.d/docker-gzip-indexes": "# Keep package lists compressed on disk.\nAcquire::GzipIndexes \"true\";\n",
  "/etc/apt/apt.conf.d/docker-no-languages": "# Download no translated package descriptions.\nAcquire::Languages \"none\";\n",
  "/etc/dpkg/dpkg.cfg.d/docker-apt-speedup": "# A container's filesystem is thrown away on failure anyway: skip the fsync calls.\nforce-unsafe-io\n",
};

/** Slim Debian and minimized Ubuntu keep documentation out of every later install too. */
export const DPKG_EXCLUDES = `# Documentation, manuals and translations are left out of this image, and of
# every package installed into it later; copyright files are kept.
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
`;

/** Package sources: deb822 files from bookworm and noble on, sources.list before. */
export function aptSources(r: DebianRelease): Record<string, string> {
  const c = r.codename;
  if (r.distro === "ubuntu") {
    const all = "main restricted universe multiverse";
    if (c === "noble") {
      const entry = (uri: string, suites: string) =>
        `Types: deb\nURIs: ${uri}\nSuites: ${suites}\nComponents: ${all}\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n`;
      return {
        "/etc/apt/sources.list": "# Ubuntu's package sources are in /etc/apt/sources.list.d/ubuntu.sources (deb822 format).\n",
        "/etc/apt/sources.list.d/ubuntu.sources":
          `${entry("http://archive.ubuntu.com/ubuntu/", `${c} ${c}-updates ${c}-backports`)}\n${entry("http://security.ubuntu.com/ubuntu/", `${c}-security`)}`,
      };
    }
    const line = (uri: string, suite: string) => `deb ${uri} ${suite} main restricted\ndeb ${uri} ${suite} universe\ndeb ${uri} ${suite} multiverse\n`;
    return {
      "/etc/apt/sources.list":
        "# Ubuntu's archive: main and restricted are supported by Canonical, universe and\n# multiverse by the community.\n" +
        line("http://archive.ubuntu.com/ubuntu/", c) + line("http://archive.ubuntu.com/ubuntu/", `${c}-updates`) +
        line("http://archive.ubuntu.com/ubuntu/", `${c}-backports`) + line("http://security.ubuntu.com/ubuntu/", `${c}-security`),
    };
  }
  const snapshot = "20251020T000000Z";
  if (c === "bullseye") {
    return {
      "/etc/apt/sources.list":
        `# deb http://snapshot.debian.org/archive/debian/${snapshot} ${c} main\ndeb http://deb.debian.org/debian ${c} main\n` +
        `# deb http://snapshot.debian.org/archive/debian-security/${snapshot} ${c}-security main\ndeb http://deb.debian.org/debian-security ${c}-security main\n` +
        `# deb http://snapshot.debian.org/archive/debian/${snapshot} ${c}-updates main\ndeb http://deb.debian.org/debian ${c}-updates main\n`,
    };
  }
  const keyring = `/usr/share/keyrings/debian-archive-keyring.${c === "trixie" ? "pgp" : "gpg"}`;
  return {
    "/etc/apt/sources.list.d/debian.sources":
      `Types: deb\n# http://snapshot.debian.org/archive/debian/${snapshot}\nURIs: http://deb.debian.org/debian\nSuites: ${c} ${c}-updates\nComponents: main\nSigned-By: ${keyring}\n\n` +
      `Types: deb\n# http://snapshot.debian.org/archive/debian-security/${snapshot}\nURIs: http://deb.debian.org/debian-security\nSuites: ${c}-security\nComponents: main\nSigned-By: ${keyring}\n`,
  };
}
