vcl 4.1;
# Varnish in front of the portal (docs/caching.md). The portal decides what may be shared
# (portal/httpcache/policy.py sends `Cache-Control: public, ..., s-maxage=N` on anonymous public
# pages and `private` or `no-store` on everything else); this file only makes sure
#   - nothing is cached that the portal did not mark public (Varnish's default would keep a
#     response with no Cache-Control for 2 minutes),
#   - cookies that do not change a public page are not sent to it, so readers share one copy,
#   - only this machine may PURGE or BAN (Wagtail's frontend-cache invalidation),
#   - a slow or failing backend is answered from the stale copy (grace) instead of an error.
# scripts/varnish/varnish.sh rewrites the backend's host and port below for the test stack.

import std;

backend portal {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the portal's own workers (WAGTAILFRONTENDCACHE's LOCATION points here).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            # BAN with an `X-Ban-Url` regex drops every matching object of that host.
            if (!req.http.X-Ban-Url) {
                return (synth(400, "X-Ban-Url required"));
            }
            ban("obj.http.X-Host == " + req.http.host + " && obj.http.X-Url ~ " + req.http.X-Ban-Url);
            return (synth(200, "Banned"));
        }
        # A purge removes every variant of the URL (all Vary values) at once; the same path
        # with any query string (directory filters, pages 2..n, ?locale= of the exports) goes
        # too, through a ban, since Wagtail names only the bare URL.
        if (req.url !~ "\?") {
            ban("obj.http.X-Host == " + req.http.host + " && obj.http.X-Url ~ ^" + req.url + "\?");
        }
        # Open data is one dataset in many shapes (the exports, the HSDS API's records by id,
        # the tabular package's tables): the portal purges the exports on every directory
        # change, and that purge drops every shape of it.
        if (req.url ~ "^/open-data/") {
            ban("obj.http.X-Host == " + req.http.host + " && obj.http.X-Url ~ ^/open-data/");
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        # Form posts, the admin's saves: always the backend, cookies and all.
        return (pass);
    }
    # The admin, and the bare `/` (a redirect chosen from Accept-Language): never shared.
    if (req.url ~ "^/admin(/|$)" || req.url ~ "^/(\?.*)?$") {
        return (pass);
    }
    # A reader's place or position ("near me", directory/near.py): straight to the backend,
    # never stored, not even as a hit-for-miss object keyed by that URL.
    if (req.url ~ "[?&]near=") {
        return (pass);
    }
    if (req.http.Cookie) {
        # Keep only the cookies the portal reads: the session (editors, page passwords) and the
        # CSRF token (the suggestion and report forms reuse it; dropping it would replace a
        # reader's token on every page and break a form opened in another tab). Analytics or
        # other cookies a browser carries would otherwise make every request a miss.
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(sessionid|csrftoken)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    if (req.http.Cookie ~ "(^|; )sessionid=") {
        # Signed in (an editor, or a reader who entered a page password): the page may differ.
        return (pass);
    }
    # Only the CSRF cookie is left, if any. No public page depends on it (the portal marks a
    # page that uses it private, and Varnish then does not store it), so look the page up as
    # anyone's; it still reaches the backend on a miss, where a form page reuses it.
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    # The host as Wagtail's Site names it: a purge names the page's URL on its Site.
    hash_data(req.http.host);
    # Not the scheme: behind a TLS terminator the http->https redirect is not public, so only
    # https answers are stored, and a purge (which carries no scheme) must find them.
    return (lookup);
}

sub vcl_backend_response {
    # For BAN: the ban expression reads these from the stored object (ban lurker friendly).
    set beresp.http.X-Host = bereq.http.host;
    set beresp.http.X-Url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Cache-Control !~ "(^|[ ,])public([ ,]|$)"
        || beresp.http.Set-Cookie
        || beresp.http.Vary ~ "(?i)cookie") {
        # Only what the portal marked public is shared; remember the decision for 2 minutes
        # (hit-for-miss) so requests for it go straight to the backend.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Grace: how long past its lifetime a copy may be served while a fresh one is fetched in
    # the background. The portal says how long with stale-while-revalidate (short, or 0 on a
    # page whose "open now" badge changes at the end of its lifetime).
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1") + "s",
            10s);
    } else {
        set beresp.grace = 10s;
    }
    # Keep expired copies a day longer for conditional fetches (the backend can answer 304).
    set beresp.keep = 1d;
    return (deliver);
}

sub vcl_backend_error {
    # A background refresh that failed: keep serving the stale copy rather than storing an error.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    # Whether this answer came from the cache: tests and operators read it with Age.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    if (obj.hits > 0) {
        # The id of the request that filled the cache would mislead whoever follows this one.
        unset resp.http.X-Request-ID;
    }
    unset resp.http.X-Host;
    unset resp.http.X-Url;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    if (req.method == "PURGE" || req.method == "BAN") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason;
        return (deliver);
    }
}
