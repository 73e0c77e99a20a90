/// The OpenAPI 3.0 description of the JSON API, served at `/api/openapi.json`.
/// Hand-written; a test parses it, checks that it names every API route, and
/// validates real answers of every route against its schemas, both ways.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.0.3",
      "info": {
        "title": "docsearch",
        "version": "1.0.0",
        "description": "Full-text search over Vietnamese official documents (kế hoạch, quyết định, chỉ thị…). Every response is UTF-8 JSON; errors are {\"error\": \"…\"} with status 400 (a bad parameter, named in the message), 404 (unknown plan or path) or 405 (a method other than GET or HEAD)."
      },
      "paths": {
        "/api/search": {
          "get": {
            "summary": "Search plans",
            "description": "Ranked plans with snippets, the same shape as `docsearch search --json`, with facet counts over all matching plans.",
            "parameters": [
              {"name": "q", "in": "query", "description": "Query text, with or without diacritics; \"phrases\", +required, -excluded words and document references (Chỉ thị 20, 1373/QĐ-TTg).", "schema": {"type": "string"}},
              {"name": "agency", "in": "query", "description": "Issuing agency (words in any order, diacritics optional). Repeatable.", "schema": {"type": "string"}},
              {"name": "topic", "in": "query", "schema": {"type": "string"}},
              {"name": "year", "in": "query", "description": "A year (2023) or a range (2021-2023).", "schema": {"type": "string", "pattern": "^[0-9]+(-[0-9]+)?$"}},
              {"name": "type", "in": "query", "description": "Document type (Kế hoạch, Quyết định…).", "schema": {"type": "string"}},
              {"name": "cites", "in": "query", "description": "A document the plans cite.", "schema": {"type": "string"}},
              {"name": "place", "in": "query", "schema": {"type": "string"}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 1000, "default": 10}},
              {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100000, "default": 0}}
            ],
            "responses": {
              "200": {"description": "Results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/api/plans/{id}": {
          "get": {
            "summary": "One plan's record",
            "description": "Everything extracted from the plan, as `docsearch show --json` has it but without the absolute path of its file on the server.",
            "parameters": [{"$ref": "#/components/parameters/PlanID"}],
            "responses": {
              "200": {"description": "The plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Plan"}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/plans/{id}/related": {
          "get": {
            "summary": "Plans related by the documents they cite",
            "description": "The same as `docsearch related PLAN --json`: plans sharing cited documents with this one, ranked by how specific those are (log((N+1)/n) for n of N plans citing it; halved unless both plans cite it as a legal basis).",
            "parameters": [
              {"$ref": "#/components/parameters/PlanID"},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 1000, "default": 10}}
            ],
            "responses": {
              "200": {"description": "The plan and its related plans, best first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Related"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/citations": {
          "get": {
            "summary": "Cited documents, most cited first",
            "description": "The same as `docsearch citations --json`. The same number of different documents (1373/QĐ-TTg, 1373/KH-BCĐNQ) are two documents.",
            "parameters": [{"name": "limit", "in": "query", "description": "List at most this many (default: all).", "schema": {"type": "integer", "minimum": 0}}],
            "responses": {
              "200": {"description": "Every document a plan cites, with its citing plans", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Citations"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/api/agencies": {
          "get": {
            "summary": "Agencies the plans name, with their roles",
            "description": "The same as `docsearch agencies --json`: each agency in one canonical form, with how many plans name it in each role.",
            "parameters": [{"name": "limit", "in": "query", "description": "List at most this many (default: all).", "schema": {"type": "integer", "minimum": 0}}],
            "responses": {
              "200": {"description": "Agencies, most plans first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Agencies"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/api/topics": {
          "get": {
            "summary": "The topics, with how many plans have each",
            "description": "The same as `docsearch topics --json`: every topic of the taxonomy, most plans first.",
            "responses": {"200": {"description": "Topics", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Topics"}}}}}
          }
        },
        "/healthz": {
          "get": {
            "summary": "Liveness and the index in service",
            "responses": {"200": {"description": "Up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}}
          }
        },
        "/api/openapi.json": {
          "get": {
            "summary": "This document",
            "responses": {"200": {"description": "OpenAPI 3.0", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        }
      },
      "components": {
        "parameters": {
          "PlanID": {"name": "id", "in": "path", "required": true, "description": "The plan id (12 hexadecimal digits) from a search hit.", "schema": {"type": "string", "pattern": "^[0-9a-f]{1,32}$"}}
        },
        "responses": {
          "BadParameter": {"description": "A parameter has a value the route cannot use; the message names it.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such plan or path.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
          "FacetCount": {"type": "object", "required": ["value", "count"], "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}},
          "CitationRole": {"type": "string", "enum": ["legalBasis", "body", "footnote"], "description": "legalBasis: căn cứ, thực hiện (or in the title); body: a mention in the text; footnote: in a footnote"},
          "Citation": {"type": "object", "required": ["key", "symbol", "kind", "role", "mentions", "lookupKeys"], "properties": {
            "key": {"type": "string", "description": "Canonical key", "example": "1373/QD-TTG"},
            "symbol": {"type": "string", "description": "As the plan writes it", "example": "1373/QĐ-TTg"},
            "kind": {"type": "string", "example": "Quyết định"},
            "number": {"type": "integer"}, "year": {"type": "integer"}, "date": {"type": "string"},
            "issuer": {"type": "string", "description": "As written after the symbol"},
            "issuerAgency": {"type": "string", "description": "Canonical issuer", "example": "Thủ tướng Chính phủ"},
            "role": {"$ref": "#/components/schemas/CitationRole"},
            "roles": {"type": "array", "items": {"$ref": "#/components/schemas/CitationRole"}},
            "mentions": {"type": "integer"},
            "lookupKeys": {"type": "array", "items": {"type": "string"}}
          }},
          "Hit": {"type": "object", "required": ["id", "path", "score", "title", "citations"], "properties": {
            "id": {"type": "string"}, "path": {"type": "string"}, "score": {"type": "number"}, "title": {"type": "string"},
            "number": {"type": "string"}, "issuer": {"type": "string"}, "date": {"type": "string"}, "place": {"type": "string"},
            "citations": {"type": "array", "description": "The cited documents the query's references matched", "items": {"$ref": "#/components/schemas/Citation"}},
            "snippet": {"type": "string"},
            "highlights": {"type": "array", "description": "Highlighted parts of the snippet as [UTF-16 offset, length]", "items": {"type": "array", "items": {"type": "integer"}}}
          }},
          "Results": {"type": "object", "required": ["query", "total", "totalIsExact", "offset", "relaxed", "hits"], "properties": {
            "query": {"type": "string"},
            "total": {"type": "integer", "description": "Matching plans before limit and offset"},
            "totalIsExact": {"type": "boolean", "description": "False when total is a lower bound"},
            "offset": {"type": "integer"},
            "relaxed": {"type": "boolean", "description": "No plan had every word; plans with some of them are shown"},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {"type": "object", "description": "Per facet (agency, topic, year, type, place, cites), the most frequent values over all matching plans", "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}}}
          }},
          "AgencyLevel": {"type": "string", "enum": ["central", "ministry", "province", "district", "commune", "party"]},
          "AgencyRole": {"type": "string", "enum": ["issuer", "citedIssuer", "assignee", "recipient"], "description": "issuer: cơ quan ban hành; citedIssuer: issued a cited document; assignee: given a task; recipient: nơi nhận"},
          "PlanAgency": {"type": "object", "required": ["name", "level", "roles", "writtenAs"], "properties": {
            "name": {"type": "string", "example": "Sở Giáo dục và Đào tạo tỉnh Long An"},
            "code": {"type": "string"}, "level": {"$ref": "#/components/schemas/AgencyLevel"}, "place": {"type": "string"},
            "roles": {"type": "array", "items": {"$ref": "#/components/schemas/AgencyRole"}},
            "writtenAs": {"type": "array", "items": {"type": "string"}, "example": ["Sở GD&ĐT"]}
          }},
          "TopicAssignment": {"type": "object", "required": ["topic", "score", "titleTerms", "textCount", "textTerms"], "properties": {
            "topic": {"type": "string", "example": "bình đẳng giới"}, "score": {"type": "number"},
            "titleTerms": {"type": "array", "items": {"type": "string"}},
            "textCount": {"type": "integer"}, "textTerms": {"type": "array", "items": {"type": "string"}}
          }},
          "Plan": {"type": "object", "required": ["id", "path", "encoding", "warnings", "title", "citations"], "properties": {
            "id": {"type": "string"}, "path": {"type": "string", "description": "As it was given to `docsearch index`"}, "encoding": {"type": "string"},
            "warnings": {"type": "array", "items": {"type": "string"}},
            "title": {"type": "string"}, "documentType": {"type": "string"}, "number": {"type": "string"}, "numberKey": {"type": "string"},
            "issuer": {"type": "string"}, "place": {"type": "string"}, "date": {"type": "string"}, "year": {"type": "integer"},
            "signer": {"type": "string"}, "signerTitle": {"type": "string"},
            "citations": {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}},
            "agencies": {"type": "array", "items": {"$ref": "#/components/schemas/PlanAgency"}},
            "topics": {"type": "array", "items": {"$ref": "#/components/schemas/TopicAssignment"}}
          }},
          "SharedDocument": {"type": "object", "required": ["key", "symbol", "bothLegalBasis", "weight"], "properties": {
            "key": {"type": "string"}, "symbol": {"type": "string"},
            "bothLegalBasis": {"type": "boolean"}, "weight": {"type": "number", "description": "Its share of the score"}
          }},
          "RelatedPlan": {"type": "object", "required": ["id", "path", "title", "score", "shared"], "properties": {
            "id": {"type": "string"}, "path": {"type": "string"}, "title": {"type": "string"}, "score": {"type": "number"},
            "shared": {"type": "array", "items": {"$ref": "#/components/schemas/SharedDocument"}}
          }},
          "Related": {"type": "object", "required": ["id", "path", "title", "related"], "properties": {
            "id": {"type": "string"}, "path": {"type": "string"}, "title": {"type": "string"},
            "related": {"type": "array", "items": {"$ref": "#/components/schemas/RelatedPlan"}}
          }},
          "CitingPlan": {"type": "object", "required": ["id", "path", "title", "roles"], "properties": {
            "id": {"type": "string"}, "path": {"type": "string"}, "title": {"type": "string"}, "number": {"type": "string"},
            "roles": {"type": "array", "items": {"$ref": "#/components/schemas/CitationRole"}}
          }},
          "CitedDocument": {"type": "object", "required": ["key", "symbol", "kind", "citedBy", "asLegalBasis", "plans"], "properties": {
            "key": {"type": "string", "example": "1373/KH-BCDNQ"}, "symbol": {"type": "string", "example": "1373/KH-BCĐNQ"},
            "kind": {"type": "string", "example": "Kế hoạch"}, "number": {"type": "integer"}, "year": {"type": "integer"},
            "date": {"type": "string"}, "issuer": {"type": "string", "example": "Ban Chỉ đạo nhân quyền tỉnh Long An"},
            "citedBy": {"type": "integer", "description": "Plans citing it"},
            "asLegalBasis": {"type": "integer", "description": "Plans citing it as a legal basis"},
            "plans": {"type": "array", "items": {"$ref": "#/components/schemas/CitingPlan"}}
          }},
          "Citations": {"type": "object", "required": ["plans", "total", "documents"], "properties": {
            "plans": {"type": "integer", "description": "Plans in the index"},
            "total": {"type": "integer", "description": "Distinct cited documents"},
            "documents": {"type": "array", "items": {"$ref": "#/components/schemas/CitedDocument"}}
          }},
          "Agency": {"type": "object", "required": ["name", "level", "plans", "roles"], "properties": {
            "name": {"type": "string"}, "code": {"type": "string"}, "level": {"$ref": "#/components/schemas/AgencyLevel"}, "place": {"type": "string"},
            "plans": {"type": "integer", "description": "Plans naming it in any role"},
            "roles": {"type": "object", "description": "Plans per role", "additionalProperties": {"type": "integer"}, "example": {"issuer": 1, "citedIssuer": 1}}
          }},
          "Agencies": {"type": "object", "required": ["total", "agencies"], "properties": {
            "total": {"type": "integer", "description": "Distinct agencies"},
            "agencies": {"type": "array", "items": {"$ref": "#/components/schemas/Agency"}}
          }},
          "Topic": {"type": "object", "required": ["topic", "aliases", "scope", "plans", "primary", "terms"], "properties": {
            "topic": {"type": "string"}, "aliases": {"type": "array", "items": {"type": "string"}}, "scope": {"type": "string"},
            "plans": {"type": "integer", "description": "Plans with this topic"},
            "primary": {"type": "integer", "description": "Plans with it as their first topic"},
            "terms": {"type": "array", "items": {"type": "string"}}
          }},
          "Topics": {"type": "object", "required": ["topics"], "properties": {
            "topics": {"type": "array", "items": {"$ref": "#/components/schemas/Topic"}}
          }},
          "Health": {"type": "object", "required": ["status", "generation", "plans", "segments"], "properties": {
            "status": {"type": "string", "enum": ["ok"]},
            "generation": {"type": "integer", "description": "Generation of the index manifest in service"},
            "plans": {"type": "integer"},
            "segments": {"type": "integer"}
          }}
        }
      }
    }
    """#
}
