#pragma once
// Which live objects pingplan may ever manage: CUSTOM resources and OIDC applications of the
// types manifest version 1 knows. Built-ins (openid, PingOne API) and system or catalog apps
// are never matched by name, never changed and never deleted.

#include <string>

#include "model/model.h"

namespace pingplan::plan {

/// A resource type pingplan manages (CUSTOM); OPENID_CONNECT and PINGONE_API are built-ins.
bool isManagedResourceType(const std::string& type);
/// WORKER, WEB_APP, SERVICE, SINGLE_PAGE_APP, NATIVE_APP, CUSTOM_APP; anything else is a
/// system or catalog app.
bool isManagedApplicationType(const std::string& type);

/// The CORE `sub` attribute that PingOne puts on every custom resource: never created or
/// deleted, only updated; this is its value when nobody changed it.
constexpr const char* kSubAttribute = "sub";
constexpr const char* kDefaultSubValue = "${user.id}";
/// True for attributes PingOne will not delete (CORE `sub`, openid PREDEFINED ones).
bool isUndeletableAttribute(const model::Attribute& a);

}  // namespace pingplan::plan
