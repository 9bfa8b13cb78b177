import StdKitWorkspace

/// `stdkit lsp`: the Language Server Protocol 3.17 over standard input and output (DESIGN §17).
public enum LanguageServer {}
