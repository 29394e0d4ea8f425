#pragma once

#include "http/apifailure.h"
#include "http/httpexchange.h"
#include "json/jsonobjectreader.h"
#include "json/validationerrors.h"

namespace callos::server {

// Reads a request's JSON object body into T with `read(JsonObjectReader &)`.
// Every problem is reported at once, each with its field's path, and a field
// the endpoint does not know is refused (a typo must not pass unnoticed).
template<typename T, typename Read>
ApiResult<T> readJsonBody(const HttpExchange &exchange, Read read)
{
    ApiResult<QJsonObject> body = exchange.jsonObject();
    if (!body)
        return body.failure();
    ValidationErrors errors{ QString() };
    T value;
    {
        JsonObjectReader reader(JsonNode{ body.value(), QString() }, errors);
        value = read(reader);
        reader.finish();
    }
    if (!errors.isEmpty())
        return ApiFailure::invalid(errors);
    return value;
}

} // namespace callos::server
