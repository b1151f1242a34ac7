namespace OptimizeGen.Generators.Parsing;

/// <summary>
/// Hands out the names of the generated locals: the user's own name first (so that the code reads like theirs),
/// then <c>name_1</c>, <c>name_2</c>…; never a name the user wrote anywhere in the method, so nothing is shadowed.
/// </summary>
internal sealed class NameAllocator
{
    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private int _temp;

    public NameAllocator(IEnumerable<string> reserved) => _reserved = new HashSet<string>(reserved, StringComparer.Ordinal);

    /// <summary>
    /// Claims the user's name for its first version (it is reserved only against generated names). A keyword the user
    /// wrote verbatim (@in) is written without its @ by the emitter, so it gets a fresh name (in_1) instead.
    /// </summary>
    public string Claim(string userName)
    {
        if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(userName) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None && _taken.Add(userName))
        {
            return userName;
        }

        return Fresh(userName);
    }

    /// <summary>A new name based on <paramref name="stem"/> that is neither taken nor written by the user.</summary>
    public string Fresh(string stem)
    {
        // A stem built from a user's name may be a keyword ('d' + 'o' = do): it gets a suffix, as a taken name would.
        if (!_reserved.Contains(stem) && !Emit.Identifiers.IsKeyword(stem) && _taken.Add(stem))
        {
            return stem;
        }

        for (int k = 1; ; k++)
        {
            string name = stem + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_reserved.Contains(name) && _taken.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>A temporary: t0, t1, …</summary>
    public string Temp()
    {
        while (true)
        {
            string name = "t" + (_temp++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_reserved.Contains(name) && _taken.Add(name))
            {
                return name;
            }
        }
    }
}
