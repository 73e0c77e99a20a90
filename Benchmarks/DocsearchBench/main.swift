import DocsearchKit
print("docsearch-bench: nothing measured yet")
