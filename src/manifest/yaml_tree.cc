#include "manifest/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <sstream>

namespace pingplan::manifest {

namespace {

Position positionOf(const YAML::Mark& mark) {
  if (mark.line < 0) return {1, 1};
  return {mark.line + 1, mark.column + 1};
}

/// Builds a YamlNode tree from yaml-cpp's parser events.
class TreeBuilder : public YAML::EventHandler {
 public:
  std::optional<YamlNode> root;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.at = positionOf(mark);
    add(std::move(node), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    YamlNode node = it != anchors_.end() ? it->second : YamlNode{};
    node.at = positionOf(mark);
    add(std::move(node), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.value = value;
    node.plain = tag == "?";
    node.at = positionOf(mark);
    add(std::move(node), anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kMap, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    YAML::anchor_t anchor = 0;
    std::optional<YamlNode> pendingKey;
  };

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Open o;
    o.node.kind = kind;
    o.node.at = positionOf(mark);
    o.anchor = anchor;
    stack_.push_back(std::move(o));
  }
  void close() {
    Open o = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(o.node), o.anchor);
  }
  void add(YamlNode node, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = node;
    if (stack_.empty()) {
      if (!root) root = std::move(node);
      return;
    }
    Open& parent = stack_.back();
    if (parent.node.isSequence()) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.pendingKey) {
      parent.pendingKey = std::move(node);
    } else {
      // An empty value has no position of its own (yaml-cpp gives the next token's): point at
      // its key instead.
      if (node.isNull()) node.at = parent.pendingKey->at;
      parent.node.entries.push_back({std::move(*parent.pendingKey), std::move(node)});
      parent.pendingKey.reset();
    }
  }

  std::vector<Open> stack_;
  std::map<YAML::anchor_t, YamlNode> anchors_;
};

/// Notes where a further document starts, and nothing else.
class DocumentFinder : public YAML::EventHandler {
 public:
  std::optional<Position> start;
  void OnDocumentStart(const YAML::Mark& mark) override { start = positionOf(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

std::optional<YamlNode> parseYaml(const std::string& text, YamlError& error) {
  std::istringstream stream(text);
  TreeBuilder builder;
  try {
    YAML::Parser parser(stream);
    parser.HandleNextDocument(builder);
    DocumentFinder next;
    if (parser.HandleNextDocument(next) && next.start) {
      error = {*next.start, "a manifest is one YAML document; remove the second one (---)"};
      return std::nullopt;
    }
  } catch (const YAML::Exception& e) {
    error = {positionOf(e.mark), "invalid YAML: " + e.msg};
    return std::nullopt;
  }
  if (!builder.root) {
    YamlNode empty;
    empty.at = {1, 1};
    return empty;
  }
  return std::move(builder.root);
}

}  // namespace pingplan::manifest
