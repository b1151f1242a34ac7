using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OptimizeGen.CodeFixes;

/// <summary>
/// Fixes OPTG0001 ("the type containing an annotated method must be partial") by adding <c>partial</c> to the
/// containing type and to every enclosing type that lacks it, since the generator adds members to all of them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTypePartialCodeFix))]
[Shared]
public sealed class MakeTypePartialCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic this fix answers.</summary>
    public const string DiagnosticId = "OPTG0001";

    /// <summary>The title shown in the light-bulb menu.</summary>
    public const string Title = "Make the containing type partial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (!node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Any(t => !IsPartial(t)))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => MakePartialAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken),
                    equivalenceKey: DiagnosticId),
                diagnostic);
        }
    }

    private static bool IsPartial(TypeDeclarationSyntax type) => type.Modifiers.Any(SyntaxKind.PartialKeyword);

    private static async Task<Document> MakePartialAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
        TypeDeclarationSyntax[] targets = node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(t => !IsPartial(t)).ToArray();
        SyntaxNode newRoot = root.ReplaceNodes(targets, (original, rewritten) => AddPartial((TypeDeclarationSyntax)rewritten));
        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>Adds <c>partial</c> as the last modifier, just before the type keyword, as C# requires.</summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        SyntaxToken partialKeyword = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count == 0)
        {
            // Keep the type keyword's leading trivia (indentation, comments) in front of the new modifier.
            SyntaxToken keyword = type.Keyword;
            partialKeyword = partialKeyword.WithLeadingTrivia(keyword.LeadingTrivia);
            return type.WithKeyword(keyword.WithLeadingTrivia(SyntaxTriviaList.Empty))
                .WithModifiers(SyntaxFactory.TokenList(partialKeyword));
        }

        return type.WithModifiers(type.Modifiers.Add(partialKeyword));
    }
}
