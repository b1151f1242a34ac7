using System.Text;

namespace OptimizeGen.Generators.Emit;

/// <summary>
/// Writes C# with indentation handled once (four spaces), <c>\n</c> line endings on every platform. Lines are kept
/// until <see cref="ToString"/>, so a line written earlier can still be rewritten (<see cref="WrittenLine.Text"/>).
/// </summary>
internal sealed class SourceWriter
{
    private readonly List<WrittenLine> _lines = new();
    private int _indent;

    public WrittenLine Line(string text = "")
    {
        var line = new WrittenLine(_indent, text);
        _lines.Add(line);
        return line;
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Open()
    {
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>The current position, to insert lines at later (see <see cref="Insert"/>).</summary>
    public (int Position, int Indent) Mark() => (_lines.Count, _indent);

    /// <summary>Inserts whole lines at a position taken by <see cref="Mark"/>, indented as they would have been there.</summary>
    public void Insert((int Position, int Indent) mark, IEnumerable<string> lines) =>
        _lines.InsertRange(mark.Position, lines.Select(text => new WrittenLine(mark.Indent, text)));

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (WrittenLine line in _lines)
        {
            if (line.Text.Length > 0)
            {
                builder.Append(' ', line.Indent * 4);
                builder.Append(line.Text);
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}

/// <summary>One line of a <see cref="SourceWriter"/>: its indentation level and its text, which may be replaced until the source is taken.</summary>
internal sealed class WrittenLine
{
    public WrittenLine(int indent, string text)
    {
        Indent = indent;
        Text = text;
    }

    public int Indent { get; }

    public string Text { get; set; }
}
