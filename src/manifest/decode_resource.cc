#include "manifest/decode_resource.h"

#include "manifest/map_reader.h"
#include "manifest/rules.h"
#include "manifest/vocabulary.h"

namespace pingplan::manifest {

namespace {

/// The required `name` of a mapping, checked by `rule`; `at` becomes its position.
std::string checkedName(const MapReader& reader, Position& at,
                        std::optional<std::string> (*rule)(const std::string&)) {
  const YamlNode* node = reader.require("name");
  if (!node) return "";
  at = node->at;
  auto name = readString(*node, "name", reader.diagnostics());
  if (!name) return "";
  if (auto problem = rule(*name)) reader.diagnostics().add(node->at, *problem);
  return *name;
}

std::vector<model::Attribute> decodeAttributes(const YamlNode& list, ResourceSite& site,
                                               Diagnostics& diagnostics) {
  std::vector<model::Attribute> out;
  for (const auto& item : list.items) {
    if (!expectMap(item, "each entry of attributes", diagnostics)) continue;
    MapReader reader(item, "attribute", vocabulary::kAttributeKeys, diagnostics);
    model::Attribute attribute;
    Position at = item.at;
    attribute.name = checkedName(reader, at, rules::attributeName);
    if (const YamlNode* value = reader.require("value")) {
      if (auto text = readString(*value, "value", diagnostics)) {
        if (text->empty()) diagnostics.add(value->at, "attribute value must not be empty");
        attribute.value = *text;
      }
    }
    out.push_back(std::move(attribute));
    site.attributeNames.push_back(at);
  }
  return out;
}

std::vector<model::Scope> decodeScopes(const YamlNode& list, ResourceSite& site,
                                       Diagnostics& diagnostics) {
  std::vector<model::Scope> out;
  for (const auto& item : list.items) {
    if (!expectMap(item, "each entry of scopes", diagnostics)) continue;
    MapReader reader(item, "scope", vocabulary::kScopeKeys, diagnostics);
    model::Scope scope;
    Position at = item.at;
    scope.name = checkedName(reader, at, rules::scopeName);
    scope.description = reader.string("description").value_or("");
    out.push_back(std::move(scope));
    site.scopeNames.push_back(at);
  }
  return out;
}

}  // namespace

model::Resource decodeResource(const YamlNode& entry, ResourceSite& site,
                               Diagnostics& diagnostics) {
  MapReader reader(entry, "resource", vocabulary::kResourceKeys, diagnostics);
  model::Resource resource;
  site.entry = entry.at;
  site.name = entry.at;
  resource.name = checkedName(reader, site.name, rules::name);
  resource.absent = reader.enumeration("ensure", vocabulary::kEnsure) == "absent";
  resource.description = reader.string("description").value_or("");
  if (const YamlNode* audience = reader.find("audience")) {
    if (auto value = readString(*audience, "audience", diagnostics)) {
      if (value->empty()) {
        diagnostics.add(audience->at, "audience must not be empty; leave it out to use the name");
      } else if (auto problem = rules::audience(*value)) {
        diagnostics.add(audience->at, *problem);
      }
      resource.audience = *value;
    }
  } else {
    resource.audience = resource.name;
    if (!resource.absent && rules::audience(resource.name)) {
      diagnostics.add(site.name, "the audience defaults to the name \"" + resource.name +
                                     "\", which contains a word PingOne reserves (pingone, "
                                     "pingidentity); set an audience");
    }
  }
  resource.accessTokenValiditySeconds =
      reader.integer("accessTokenValiditySeconds", 300, 2592000).value_or(3600);
  if (const YamlNode* list = reader.list("attributes")) {
    resource.attributes = decodeAttributes(*list, site, diagnostics);
  }
  if (const YamlNode* list = reader.list("scopes")) {
    resource.scopes = decodeScopes(*list, site, diagnostics);
  }
  return resource;
}

}  // namespace pingplan::manifest
