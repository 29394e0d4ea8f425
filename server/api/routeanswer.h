#pragma once

#include "http/apifailure.h"
#include "http/httprouter.h"

#include <utility>

namespace callos::server {

// A route handler that answers at once with a response or an ApiFailure.
// Unlike addSync's plain response, the failure reaches HttpExchange::reply
// as it is, so the log line of a 500 keeps its logDetail (which database
// refused what) while the client sees only "something went wrong".
//
//   router.add(Method::Get, u"/api/v1/things"_s, options, answering([this](HttpExchange &e) { return list(e); }));
template<typename Handler>
HttpRouter::Handler answering(Handler handler)
{
    return [handler = std::move(handler)](const SharedExchange &exchange) {
        ApiResult<QHttpServerResponse> answer = handler(*exchange);
        if (answer)
            exchange->reply(std::move(answer).value());
        else
            exchange->reply(answer.failure());
    };
}

} // namespace callos::server
