#pragma once
// Codec: PingOne JSON <-> model types, the one place that knows the API's field names.
// Decoding fills PingOne's defaults so the differ compares like with like. Encoding builds
// the full body a POST or PUT needs: PingOne's PUT replaces the whole object, so an update
// starts from the live object (read-only fields removed) and overlays the managed fields,
// which keeps fields pingplan does not manage.

#include "model/model.h"

namespace pingplan::pingone {

using Json = model::Json;

model::Resource decodeResource(const Json& j);
model::Attribute decodeAttribute(const Json& j);
model::Scope decodeScope(const Json& j);
model::Application decodeApplication(const Json& j);
/// Fills id, resourceId and scopeIds; the names are resolved by the reader.
model::Grant decodeGrant(const Json& j);

/// `live` is the object's raw JSON for an update, null for a create.
Json encodeResource(const model::Resource& desired, const Json& live = nullptr);
Json encodeAttribute(const model::Attribute& desired, const Json& live = nullptr);
Json encodeScope(const model::Scope& desired, const Json& live = nullptr);
Json encodeApplication(const model::Application& desired, const Json& live = nullptr);
/// Grants reference ids: `resourceId` and `scopeIds` must be filled.
Json encodeGrant(const model::Grant& desired, const Json& live = nullptr);

}  // namespace pingplan::pingone
