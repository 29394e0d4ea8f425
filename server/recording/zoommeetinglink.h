#pragma once

#include <QString>

#include <optional>

namespace callos::server {

// The meeting number in an agent's Zoom link: 85746065432 in
// https://us02web.zoom.us/j/85746065432?pwd=..., also in the /s/ (start),
// /w/ (webinar) and web client (/wc/join/N, /wc/N/join) forms. A Zoom
// recording names its meeting by this number, so it is what leads a
// recording back to its call. std::nullopt for a link that names no number
// (a personal link name such as /my/jane) or is no Zoom link.
std::optional<QString> zoomMeetingNumber(const QString &link);

} // namespace callos::server
