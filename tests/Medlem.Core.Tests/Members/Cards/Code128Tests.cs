using Medlem.Core.Members.Cards;
using Xunit;

namespace Medlem.Core.Tests.Members.Cards;

// Code 128, ISO/IEC 15417. Expected values come from the standard's definition, not from running the encoder:
// - Table 1: symbol values and their bar/space widths; code set B value = ASCII - 32; code set C value = the digit pair.
// - Start A/B/C = 103/104/105, Stop = 106; in B, 99 switches to C; in C, 100 switches to B.
// - Check symbol: (start value + sum of value x position) mod 103, positions 1, 2, 3... after the start.
public class Code128Tests
{
    [Theory]
    // Wikipedia "Code 128", check digit calculation: PJJ123C with Start Code A: 103 + 48 + 84 + 126 + 68 + 90 + 114 + 245
    // = 878; 878 mod 103 = 54 (V).
    [InlineData(new[] { 103, 48, 42, 42, 17, 18, 19, 35 }, 54)]
    // barcodeisland.com "Code 128": HI345678 as Start A, H, I, Code C, 34, 56, 78: 103 + 40 + 82 + 297 + 136 + 280 + 468
    // = 1406; 1406 mod 103 = 67.
    [InlineData(new[] { 103, 40, 41, 99, 34, 56, 78 }, 67)]
    // barcoderesource.com "Calculation of Code128 Check Character": 128B abcdef = 104 + 1435 = 1539; 1539 mod 103 = 97.
    [InlineData(new[] { 104, 65, 66, 67, 68, 69, 70 }, 97)]
    // Same page, 128C 345678: 105 + 34 + 112 + 234 = 485; 485 mod 103 = 73.
    [InlineData(new[] { 105, 34, 56, 78 }, 73)]
    // A start symbol alone: 104 mod 103 = 1.
    [InlineData(new[] { 104 }, 1)]
    public void CheckSymbol_PublishedExamples_GiveTheirCheckValue(int[] startAndData, int expected)
    {
        Assert.Equal(expected, Code128.CheckSymbol(startAndData));
    }

    [Theory]
    // Our generated card numbers are ten digits: Start C and five pairs. 105 + 12 + 34*2 + 56*3 + 78*4 + 90*5 = 1115;
    // 1115 - 10*103 = 85.
    [InlineData("1234567890", new[] { 105, 12, 34, 56, 78, 90, 85, 106 })]
    // The test consortium's card: S T A V in B (83-32=51, 52, 33, 54), then four digits at the end are shorter in C
    // (Code C + 2 pairs = 3 symbols < 4): 104 + 51 + 104 + 99 + 216 + 99*5 + 0*6 + 1*7 = 1076; 1076 - 1030 = 46.
    [InlineData("STAV0001", new[] { 104, 51, 52, 33, 54, 99, 0, 1, 46, 106 })]
    // Wikipedia's PJJ123C in code set B (all of it: "123" is an odd run, and its even tail of 2 followed by "C" would
    // cost Code C + 1 pair + Code B = 3 symbols instead of 2): 104 + 48 + 84 + 126 + 68 + 90 + 114 + 245 = 879; 879 -
    // 824 = 55 (one more than the Start A example's 54, since only the start value differs).
    [InlineData("PJJ123C", new[] { 104, 48, 42, 42, 17, 18, 19, 35, 55, 106 })]
    // Wikipedia: "X00Y" with code set B is [Start B] 56 16 16 57; 104 + 56 + 32 + 48 + 228 = 468; 468 - 412 = 56.
    [InlineData("X00Y", new[] { 104, 56, 16, 16, 57, 56, 106 })]
    // barcoderesource.com's 128B and 128C examples, whole.
    [InlineData("abcdef", new[] { 104, 65, 66, 67, 68, 69, 70, 97, 106 })]
    [InlineData("345678", new[] { 105, 34, 56, 78, 73, 106 })]
    // barcodeisland's HI345678 with Start B instead of A: 1406 + 1 = 1407; 1407 - 1339 = 68.
    [InlineData("HI345678", new[] { 104, 40, 41, 99, 34, 56, 78, 68, 106 })]
    // An odd run of digits keeps its first digit in B ('1' = 17), the rest go to C in pairs:
    // 104 + 17 + 99*2 + 23*3 + 45*4 = 568; 568 - 515 = 53.
    [InlineData("12345", new[] { 104, 17, 99, 23, 45, 53, 106 })]
    // Two digits alone: one C symbol beats two B symbols. 105 + 98 = 203; 203 - 103 = 100.
    [InlineData("98", new[] { 105, 98, 100, 106 })]
    public void Encode_KnownTexts_GiveTheDefinedSymbols(string text, int[] expected)
    {
        Assert.Equal(expected, Code128.Encode(text).Symbols);
    }

    [Theory]
    // ISO/IEC 15417 Table 1, widths bar-space-bar-space-bar-space, written out as modules.
    [InlineData(0, "212222", "11011001100")]   // B space, C "00"
    [InlineData(16, "123122", "10011101100")]  // B "0"
    [InlineData(33, "111323", "10100011000")]  // B "A"
    [InlineData(99, "113141", "10111011110")]  // Code C (in B)
    [InlineData(100, "114131", "10111101110")] // Code B (in C)
    [InlineData(103, "211412", "11010000100")] // Start A
    [InlineData(104, "211214", "11010010000")] // Start B
    [InlineData(105, "211232", "11010011100")] // Start C
    [InlineData(106, "2331112", "1100011101011")] // Stop, with its 2-module termination bar
    public void Symbols_FromTheTable_HaveTheirWidthsAndModules(int value, string widths, string modules)
    {
        Assert.Equal(widths, Code128Symbols.WidthsOf(value).ToString());
        Assert.Equal(modules, Code128Symbols.ModulesOf(value));
    }

    [Fact]
    public void EverySymbol_HasThreeBarsOfEvenTotal_OverElevenModules_AndAllDiffer()
    {
        // ISO/IEC 15417: symbols 0-105 are 3 bars and 3 spaces, 1-4 modules each, 11 modules in all, the bars' modules
        // an even number (the parity a scanner checks); the stop has 4 bars over 13 modules. Every pattern is distinct.
        Assert.Equal(107, Code128Symbols.Count);
        for (var value = 0; value < 106; value++)
        {
            var widths = Code128Symbols.WidthsOf(value).ToString().Select(c => c - '0').ToArray();
            Assert.Equal(6, widths.Length);
            Assert.All(widths, w => Assert.InRange(w, 1, 4));
            Assert.Equal(11, widths.Sum());
            Assert.True((widths[0] + widths[2] + widths[4]) % 2 == 0, $"symbol {value}: odd bar modules");
        }

        Assert.Equal(13, Code128Symbols.WidthsOf(106).ToString().Sum(c => c - '0'));
        Assert.Equal(107, Enumerable.Range(0, 107).Select(Code128Symbols.ModulesOf).Distinct().Count());
    }

    [Fact]
    public void Modules_AreTheSymbolsInOrder_StartingAndEndingWithABar()
    {
        // 1234567890: Start C, 12, 34, 56, 78, 90, check 85, Stop = 7 x 11 + 13 = 90 modules.
        var barcode = Code128.Encode("1234567890");

        Assert.Equal(90, barcode.Modules.Length);
        Assert.StartsWith("11010011100", barcode.Modules, StringComparison.Ordinal);
        Assert.EndsWith("1100011101011", barcode.Modules, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ødegård")]
    [InlineData("tab\there")]
    public void Encode_TextOutsidePrintableAscii_IsRefused(string text)
    {
        Assert.ThrowsAny<ArgumentException>(() => Code128.Encode(text));
    }
}
