// Generates Sources/DocsearchKit/Text/Tables/*.swift from the toolchain's Unicode data.
print("GenerateTables: no tables yet")
