// Service worker of the card page (/min-side/kort), so the card opens without network: the
// page is fetched from the network when there is one and kept; without network the kept copy
// and its CSS and JS are served. QR tokens are never kept (card.js hides the QR code offline).
// When the network says the member is signed out, the kept copy is deleted.
'use strict';

var CACHE = 'medlem-card-v1';
var PAGE = '/min-side/kort';

self.addEventListener('install', function () { self.skipWaiting(); });

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys()
        .then(function (names) {
            return Promise.all(names.filter(function (n) { return n.indexOf('medlem-card-') === 0 && n !== CACHE; })
                .map(function (n) { return caches.delete(n); }));
        })
        .then(function () { return self.clients.claim(); }));
});

function sameOrigin(url) {
    return new URL(url, self.location.href).origin === self.location.origin;
}

function isAsset(url) {
    return url.pathname.indexOf('/css/') === 0 || url.pathname.indexOf('/js/') === 0 || url.pathname === '/favicon.svg';
}

// Keeps the page only when it really is the card page: a redirect means signed out.
function keepPage(cache, response) {
    if (response.ok && response.type === 'basic' && !response.redirected) {
        return cache.put(PAGE, response);
    }
    return cache.delete(PAGE);
}

// card.js sends the page's own address and those of its CSS and JS after the first load,
// which happened before this worker was in control.
self.addEventListener('message', function (event) {
    var message = event.data || {};
    var reply = event.ports && event.ports[0];
    if (message.type !== 'keep-card-page' || !Array.isArray(message.urls)) {
        return;
    }

    event.waitUntil(caches.open(CACHE).then(function (cache) {
        var jobs = message.urls.filter(sameOrigin).map(function (url) {
            var address = new URL(url, self.location.href);
            if (address.pathname === PAGE) {
                return fetch(PAGE, { credentials: 'same-origin', redirect: 'manual' }).then(function (r) { return keepPage(cache, r); });
            }
            return fetch(address.href, { credentials: 'same-origin' }).then(function (r) { return r.ok ? cache.put(address.href, r) : null; });
        });
        return Promise.all(jobs);
    }).then(
        function () { if (reply) { reply.postMessage('ready'); } },
        function () { if (reply) { reply.postMessage('failed'); } }));
});

self.addEventListener('fetch', function (event) {
    var request = event.request;
    if (request.method !== 'GET' || !sameOrigin(request.url)) {
        return;
    }

    var url = new URL(request.url);
    if (url.pathname === PAGE && url.searchParams.has('handler')) {
        return; // QR tokens: network only
    }

    if (request.mode === 'navigate' && url.pathname === PAGE) {
        event.respondWith(caches.open(CACHE).then(function (cache) {
            return fetch(request).then(function (response) {
                if (url.search === '' || url.search === '?nytt=true') {
                    var copy = response.clone();
                    event.waitUntil(keepPage(cache, copy));
                }
                return response;
            }, function () {
                return cache.match(PAGE).then(function (kept) { return kept || Response.error(); });
            });
        }));
        return;
    }

    if (isAsset(url)) {
        event.respondWith(caches.open(CACHE).then(function (cache) {
            return fetch(request).then(function (response) {
                if (response.ok) {
                    event.waitUntil(cache.put(request, response.clone()));
                }
                return response;
            }, function () {
                return cache.match(request).then(function (kept) {
                    return kept || cache.match(request, { ignoreSearch: true }).then(function (any) { return any || Response.error(); });
                });
            });
        }));
    }
});
