vcl 4.1;

# Newsroom's front cache (Debian bookworm's varnish 7.1): between nginx's TLS front
# (deploy/nginx/newsroom-public.conf, which sends readers to 127.0.0.1:6081) and the app tier.
# It keeps what the app marks public for as long as the app's Cache-Control says, and forgets
# everything whenever the app purges its root URL: the app does that once per transaction in which
# anything a reader sees changed (articles/front_cache.py), with FRONTEND_CACHE_PURGE_URL naming
# this cache.

import std;

# The app tier: nginx balancing the gunicorn servers (deploy/nginx/newsroom-app.conf).
backend app {
    .host = "127.0.0.1";
    .port = "8080";
}

# Who may purge: the app servers and the task worker on this machine.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    unset req.http.X-Newsroom-Encoding;  # the cache's own (below), never a client's
    if (req.http.Host) {
        set req.http.Host = std.tolower(req.http.Host);  # one copy per site, however it is spelled
    }
    if (req.method == "PURGE") {
        # Varnish has added the client to X-Forwarded-For by now: one address means the purge came
        # straight from here; more, that a proxy (the TLS front, which every reader comes through
        # from 127.0.0.1 too) relayed it for someone else.
        if (!client.ip ~ purgers || req.http.X-Forwarded-For ~ ",") {
            return (synth(405, "Not allowed"));
        }
        if (req.url == "/") {
            # A site's root: the content version moved. A story shows on listings, feeds, search,
            # sitemaps, the API and where a "not found" was, and the version is one for every site,
            # so every object goes, as the app's own reader cache drops every entry.
            ban("obj.status != 0");
        } else {
            # Any other URL (Wagtail purges a page's own on publish): that URL, in every variant.
            ban("obj.http.X-Newsroom-Host == " + req.http.Host + " && obj.http.X-Newsroom-URL == " + req.url);
        }
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)") {
        return (pass);  # Wagtail's admin, its previews among it
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;)\s*(sessionid|csrftoken)=") {
        return (pass);  # someone signed in, or holding a form: their pages are their own
    }
    unset req.http.Cookie;  # anything else (analytics, consent) changes nothing the app sends
    # The app compresses (articles/compression.py): Brotli for a client that lists br, gzip for the
    # rest. Varnish itself asks the app for gzip and keeps that copy, unzipping it for a client that
    # takes neither; a Brotli copy is kept beside it (vcl_hash) and fetched as such (vcl_backend_fetch).
    if (req.http.Accept-Encoding ~ "(?i)(^|,)\s*br\s*(;\s*q\s*=\s*(1(\.0*)?|0?\.0*[1-9][0-9]*)\s*)?(,|$)") {
        set req.http.X-Newsroom-Encoding = "br";
    }
    return (hash);
}

sub vcl_hash {
    # The scheme changes the page (canonical links, redirects to https): each is cached apart, and
    # so is the Brotli copy. The built-in hash (URL and Host) follows.
    hash_data(req.http.X-Forwarded-Proto);
    if (req.http.X-Newsroom-Encoding) {
        hash_data(req.http.X-Newsroom-Encoding);
    }
}

sub vcl_backend_fetch {
    # Varnish has set Accept-Encoding to gzip by now (for what it caches): ask for the Brotli copy.
    if (bereq.http.X-Newsroom-Encoding == "br") {
        set bereq.http.Accept-Encoding = "br";
    }
    unset bereq.http.X-Newsroom-Encoding;
}

sub vcl_backend_response {
    # What bans test, kept on the object (the ban lurker can test nothing else); off on delivery.
    set beresp.http.X-Newsroom-Host = bereq.http.Host;
    set beresp.http.X-Newsroom-URL = bereq.url;
    # A page past its TTL may be a story past its expiry time: never serve it stale.
    set beresp.grace = 0s;
    # Kept only for as long as the app's own max-age (or s-maxage) says, never Varnish's default,
    # and never a response that sets a cookie or says private, no-cache or no-store.
    if (beresp.ttl <= 0s
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(?i)(max-age|s-maxage)="
        || beresp.http.Cache-Control ~ "(?i)(private|no-cache|no-store)") {
        # Hit-for-miss: the next request for this URL goes straight to the app, not queued
        # behind this one; its answer may be kept if it is public.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.X-Newsroom-Host;
    unset resp.http.X-Newsroom-URL;
    # Whether this answer came from the cache, for people looking and for tests/test_front_cache.py.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
