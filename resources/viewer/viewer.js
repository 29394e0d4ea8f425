// The client viewer: follows the call's slides over the server's WebSocket.
// The share link's token is the last part of this page's path; it is sent
// as the first message, never put in a URL the server logs.
(function () {
  'use strict';
  const image = document.getElementById('slide');
  const status = document.getElementById('status');
  const token = decodeURIComponent(location.pathname.split('/').pop());
  let frames = 0;
  let currentUrl = null;
  let retryMs = 1000;
  let over = false;

  function say(text) {
    status.textContent = text;
    status.hidden = false;
  }

  function show(blob) {
    const url = URL.createObjectURL(blob);
    image.onload = function () {
      if (currentUrl) URL.revokeObjectURL(currentUrl);
      currentUrl = url;
      frames += 1;
      // For whoever checks that the page follows (tests, support).
      document.body.dataset.frames = String(frames);
      image.hidden = false;
      status.hidden = true;
    };
    image.src = url;
  }

  function end(text) {
    over = true;
    image.hidden = true;
    say(text);
    document.body.dataset.ended = 'true';
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const socket = new WebSocket(scheme + location.host + '/api/v1/live');
    socket.binaryType = 'blob';
    socket.onopen = function () {
      retryMs = 1000;
      socket.send(JSON.stringify({ type: 'view', token: token }));
    };
    socket.onmessage = function (message) {
      if (message.data instanceof Blob) {
        show(message.data);
        return;
      }
      const data = JSON.parse(message.data);
      if (data.type === 'viewing' && frames === 0) say('The presentation will appear here in a moment.');
      if (data.type === 'ended') end('The presentation has ended. Thank you for joining.');
    };
    socket.onclose = function (event) {
      if (over) return;
      if (event.code === 4410) { end('The presentation has ended. Thank you for joining.'); return; }
      if (event.code === 4404) { end('This link has ended or is not valid.'); return; }
      say('Reconnecting…');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 15000);
    };
  }

  connect();
})();
