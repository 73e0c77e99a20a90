/// The OpenAPI 3.0 description of the JSON API, served at `/api/openapi.json`.
/// Hand-written; a test parses it and checks that it names every API route.
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
            "parameters": [{"name": "id", "in": "path", "required": true, "description": "The plan id (12 hexadecimal digits) from a search hit.", "schema": {"type": "string"}}],
            "responses": {
              "200": {"description": "The plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanRecord"}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/citations": {
          "get": {
            "summary": "Cited documents, most cited first",
            "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0}}],
            "responses": {
              "200": {"description": "Every document cited by a plan, with the number of citing plans", "content": {"application/json": {"schema": {
                "type": "object",
                "properties": {
                  "total": {"type": "integer", "description": "Distinct cited documents"},
                  "citations": {"type": "array", "items": {"$ref": "#/components/schemas/CitationCount"}}
                }
              }}}},
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/api/agencies": {
          "get": {
            "summary": "Issuing agencies over all plans",
            "responses": {"200": {"description": "Facet counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FacetTotals"}}}}}
          }
        },
        "/api/topics": {
          "get": {
            "summary": "Topics over all plans",
            "responses": {"200": {"description": "Facet counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FacetTotals"}}}}}
          }
        },
        "/healthz": {
          "get": {
            "summary": "Liveness and the index in service",
            "responses": {"200": {"description": "Up", "content": {"application/json": {"schema": {
              "type": "object",
              "properties": {
                "status": {"type": "string", "enum": ["ok"]},
                "generation": {"type": "integer", "description": "Generation of the index manifest in service"},
                "plans": {"type": "integer"},
                "segments": {"type": "integer"}
              }
            }}}}}
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
        "responses": {
          "BadParameter": {"description": "A parameter has a value the route cannot use; the message names it.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such plan or path.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
          "FacetCount": {"type": "object", "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}},
          "FacetTotals": {"type": "object", "properties": {
            "facet": {"type": "string"},
            "plans": {"type": "integer", "description": "Plans in the index"},
            "values": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}}
          }},
          "CitationCount": {"type": "object", "properties": {
            "key": {"type": "string", "example": "20-CT/TW"},
            "symbol": {"type": "string"},
            "kind": {"type": "string", "example": "Chỉ thị"},
            "plans": {"type": "integer"}
          }},
          "Citation": {"type": "object", "properties": {
            "key": {"type": "string"}, "symbol": {"type": "string"}, "kind": {"type": "string"},
            "year": {"type": "integer"}, "date": {"type": "string"}, "issuer": {"type": "string"},
            "role": {"type": "string", "enum": ["basis", "mention", "footnote"]},
            "mentions": {"type": "integer"}, "lookupKeys": {"type": "array", "items": {"type": "string"}}
          }},
          "Hit": {"type": "object", "properties": {
            "id": {"type": "string"}, "path": {"type": "string"}, "score": {"type": "number"}, "title": {"type": "string"},
            "number": {"type": "string"}, "issuer": {"type": "string"}, "date": {"type": "string"}, "place": {"type": "string"},
            "citations": {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}},
            "snippet": {"type": "string"},
            "highlights": {"type": "array", "description": "Highlighted parts of the snippet as [UTF-16 offset, length]", "items": {"type": "array", "items": {"type": "integer"}}}
          }},
          "Results": {"type": "object", "properties": {
            "query": {"type": "string"},
            "total": {"type": "integer", "description": "Matching plans before limit and offset"},
            "offset": {"type": "integer"},
            "relaxed": {"type": "boolean", "description": "No plan had every word; plans with some of them are shown"},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {"type": "object", "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}}}
          }},
          "PlanRecord": {"type": "object", "properties": {
            "id": {"type": "string"}, "path": {"type": "string"}, "absolutePath": {"type": "string"}, "encoding": {"type": "string"},
            "warnings": {"type": "array", "items": {"type": "string"}},
            "title": {"type": "string"}, "documentType": {"type": "string"}, "number": {"type": "string"}, "numberKey": {"type": "string"},
            "issuer": {"type": "string"}, "place": {"type": "string"}, "date": {"type": "string"}, "year": {"type": "integer"},
            "signer": {"type": "string"}, "signerTitle": {"type": "string"},
            "citations": {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}}
          }}
        }
      }
    }
    """#
}
