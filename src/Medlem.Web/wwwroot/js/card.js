// The card page (/min-side/kort): keeps each QR code fresh, says when the QR code needs a
// connection (the barcode stays), offers printing, and lets a service worker keep a copy of the
// page so that it opens without network.
(function () {
    'use strict';

    var page = document.querySelector('.card-page');
    if (!page) {
        return;
    }

    var offlineText = page.getAttribute('data-offline-text') || '';
    var figures = Array.prototype.slice.call(document.querySelectorAll('.card-qr[data-token-url]'));
    var timers = new Map();

    function setOffline(figure, offline) {
        figure.classList.toggle('offline', offline);
        figure.querySelector('.qr-offline').textContent = offline ? offlineText : '';
    }

    // Asks again a little before the token expires, so the code on screen always works. The
    // server says how many seconds are left, so the phone's own clock does not matter.
    function schedule(figure, expiresInSeconds) {
        clearTimeout(timers.get(figure));
        var margin = Math.min(30, expiresInSeconds / 5);
        timers.set(figure, setTimeout(function () { refresh(figure); }, Math.max(1, expiresInSeconds - margin) * 1000));
    }

    function refresh(figure) {
        if (!navigator.onLine) {
            setOffline(figure, true);
            return;
        }

        fetch(figure.getAttribute('data-token-url'), { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('token ' + response.status);
                }
                return response.json();
            })
            .then(function (answer) {
                var svg = new DOMParser().parseFromString(answer.svg, 'image/svg+xml').documentElement;
                figure.querySelector('.qr-image').replaceChildren(document.importNode(svg, true));
                setOffline(figure, false);
                schedule(figure, answer.expiresIn);
            })
            .catch(function () {
                // No fresh token: the code on screen may be stale (the offline copy), so hide it.
                setOffline(figure, true);
            });
    }

    function refreshAll() {
        figures.forEach(refresh);
    }

    // The page may be the service worker's copy, whose QR codes expired long ago: ask at once.
    refreshAll();
    window.addEventListener('online', refreshAll);
    window.addEventListener('offline', function () {
        figures.forEach(function (figure) { setOffline(figure, true); });
    });
    // Timers sleep with the phone; a card shown again after a while asks for a fresh code.
    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') {
            refreshAll();
        }
    });

    var print = document.querySelector('.print-card');
    if (print) {
        print.hidden = false;
        print.addEventListener('click', function () { window.print(); });
    }

    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/card-sw.js', { scope: '/min-side/kort' })
            .then(function () { return navigator.serviceWorker.ready; })
            .then(function (registration) {
                // This first load happened before the worker was in control: send it the page's
                // address and the exact (versioned) addresses of what the page loads, to keep.
                var urls = [location.pathname];
                document.querySelectorAll('link[rel~="stylesheet"], link[rel~="icon"], script[src]').forEach(function (element) {
                    urls.push(element.href || element.src);
                });
                var channel = new MessageChannel();
                channel.port1.onmessage = function (event) {
                    document.documentElement.setAttribute('data-card-offline', event.data);
                };
                registration.active.postMessage({ type: 'keep-card-page', urls: urls }, [channel.port2]);
            })
            .catch(function () {
                document.documentElement.setAttribute('data-card-offline', 'unavailable');
            });
    }
})();
