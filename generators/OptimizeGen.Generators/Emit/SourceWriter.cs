using System.Text;

namespace OptimizeGen.Generators.Emit;

/// <summary>Writes C# with indentation handled once (four spaces), <c>\n</c> line endings on every platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
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
    public (int Position, int Indent) Mark() => (_builder.Length, _indent);

    /// <summary>Inserts whole lines at a position taken by <see cref="Mark"/>, indented as they would have been there.</summary>
    public void Insert((int Position, int Indent) mark, IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (string line in lines)
        {
            text.Append(' ', mark.Indent * 4).Append(line).Append('\n');
        }

        _builder.Insert(mark.Position, text.ToString());
    }

    public override string ToString() => _builder.ToString();
}
