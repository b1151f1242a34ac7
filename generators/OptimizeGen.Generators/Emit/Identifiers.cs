using Microsoft.CodeAnalysis.CSharp;

namespace OptimizeGen.Generators.Emit;

/// <summary>
/// User names in generated C#: a reserved keyword the user wrote verbatim (<c>@double</c>, <c>@in</c>) is written
/// with its <c>@</c>; a name derived from one (a field <c>_params</c>, a property <c>Double</c>) is built from the
/// bare name.
/// </summary>
internal static class Identifiers
{
    /// <summary>The name as an identifier: <c>double</c> → <c>@double</c>; <c>x</c> → <c>x</c>.</summary>
    public static string Escape(string name) =>
        name.Length > 0 && name[0] != '@' && SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The bare name, to build other names or text from: <c>@double</c> → <c>double</c>.</summary>
    public static string Bare(string name) => name.Length > 0 && name[0] == '@' ? name.Substring(1) : name;

    /// <summary>True for a reserved keyword, which a generated name must never be.</summary>
    public static bool IsKeyword(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;
}
