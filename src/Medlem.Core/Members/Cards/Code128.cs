namespace Medlem.Core.Members.Cards;

/// <summary>
/// A Code 128 barcode (ISO/IEC 15417) ready to draw: the symbol values from start to stop,
/// and the dark ('1') and light ('0') modules they make, without quiet zones.
/// </summary>
public sealed record Code128Barcode(string Text, IReadOnlyList<int> Symbols)
{
    public string Modules => string.Concat(Symbols.Select(Code128Symbols.ModulesOf));
}

/// <summary>
/// Encodes text as Code 128, the symbology library desk scanners read on cards. Code set B
/// carries printable ASCII; runs of digits switch to code set C (two digits per symbol) where
/// that makes the symbol shorter, as a ten-digit card number does: narrower bars on a phone
/// screen scan worse, so every saved symbol lets the bars be wider.
/// </summary>
public static class Code128
{
    /// <summary>Code set B holds the printable ASCII characters, value = character − 32.</summary>
    private const char FirstB = ' ';
    private const char LastB = '~';

    /// <summary>The barcode of <paramref name="text"/>: printable ASCII (space to tilde), at least one character.</summary>
    public static Code128Barcode Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text.Any(c => c is < FirstB or > LastB))
        {
            throw new ArgumentException("Code 128 code sets B and C hold printable ASCII only.", nameof(text));
        }

        var symbols = new List<int>(text.Length + 4);
        var leadingRun = DigitRun(text, 0);
        var inC = leadingRun % 2 == 0 && CodeCIsShorter(leadingRun, switchIn: false, followedByMore: leadingRun < text.Length);
        symbols.Add(inC ? Code128Symbols.StartC : Code128Symbols.StartB);

        var i = 0;
        while (i < text.Length)
        {
            if (inC)
            {
                if (i + 1 < text.Length && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]))
                {
                    symbols.Add(((text[i] - '0') * 10) + (text[i + 1] - '0'));
                    i += 2;
                }
                else
                {
                    symbols.Add(Code128Symbols.CodeBFromC);
                    inC = false;
                }

                continue;
            }

            // An odd run keeps its first digit in B, so that what goes to C is whole pairs.
            var run = DigitRun(text, i);
            if (run >= 2 && run % 2 == 0 && CodeCIsShorter(run, switchIn: true, followedByMore: i + run < text.Length))
            {
                symbols.Add(Code128Symbols.CodeCFromB);
                inC = true;
                continue;
            }

            symbols.Add(text[i] - FirstB);
            i++;
        }

        symbols.Add(CheckSymbol(symbols));
        symbols.Add(Code128Symbols.Stop);
        return new Code128Barcode(text, symbols);
    }

    /// <summary>
    /// The modulo-103 check symbol of ISO/IEC 15417: the start symbol's value plus each following
    /// symbol's value times its position (1, 2, 3…), modulo 103. Code-set switches count like
    /// any other symbol. <paramref name="startAndData"/> begins with the start symbol.
    /// </summary>
    public static int CheckSymbol(IReadOnlyList<int> startAndData)
    {
        ArgumentOutOfRangeException.ThrowIfZero(startAndData.Count);
        var sum = startAndData[0] % 103;
        for (var position = 1; position < startAndData.Count; position++)
        {
            sum = (sum + (startAndData[position] * position)) % 103;
        }

        return sum;
    }

    /// <summary>
    /// Whether <paramref name="digits"/> (an even count) take fewer symbols in C than in B:
    /// C needs one symbol per pair, plus a switch into C (unless the start symbol chooses it)
    /// and a switch back to B when more text follows.
    /// </summary>
    private static bool CodeCIsShorter(int digits, bool switchIn, bool followedByMore) =>
        digits >= 2 && (switchIn ? 1 : 0) + (digits / 2) + (followedByMore ? 1 : 0) < digits;

    private static int DigitRun(string text, int from)
    {
        var end = from;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - from;
    }
}
