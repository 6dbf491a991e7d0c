namespace Medlem.Core.Members.Cards;

/// <summary>
/// The Code 128 symbol table of ISO/IEC 15417 (Table 1): for each symbol value 0–106 the widths,
/// in modules, of its elements from left to right, starting with a bar and alternating bar and
/// space. Symbols 0–105 have three bars and three spaces over 11 modules; the stop symbol (106)
/// carries the 2-module termination bar, so it has four bars over 13 modules.
/// </summary>
public static class Code128Symbols
{
    public const int StartA = 103;
    public const int StartB = 104;
    public const int StartC = 105;
    public const int Stop = 106;

    /// <summary>In code set B, switches to code set C ("Code C").</summary>
    public const int CodeCFromB = 99;

    /// <summary>In code set C, switches to code set B ("Code B").</summary>
    public const int CodeBFromC = 100;

    // Six digits per symbol (seven for the stop), each the width of one element.
    private static readonly string[] Widths =
    [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213", // 0–9
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132", // 10–19
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211", // 20–29
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313", // 30–39
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331", // 40–49
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111", // 50–59
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214", // 60–69
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111", // 70–79
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141", // 80–89
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141", // 90–99
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",                              // 100–106
    ];

    public static int Count => Widths.Length;

    /// <summary>The element widths of <paramref name="value"/>, bar first.</summary>
    public static ReadOnlySpan<char> WidthsOf(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, Widths.Length);
        return Widths[value];
    }

    /// <summary>The symbol as modules: '1' for a dark module, '0' for a light one.</summary>
    public static string ModulesOf(int value)
    {
        var modules = new System.Text.StringBuilder(13);
        var dark = true;
        foreach (var width in WidthsOf(value))
        {
            modules.Append(dark ? '1' : '0', width - '0');
            dark = !dark;
        }

        return modules.ToString();
    }
}
