using System.Security;
using QRCoder;

namespace Medlem.Web.Features.Member.Card;

/// <summary>
/// Draws a card token as a QR code, in SVG (QRCoder), black on white with the four-module quiet
/// zone, ready to put inline in the page.
/// </summary>
public static class CardQr
{
    private const string SvgStart = "<svg xmlns=\"http://www.w3.org/2000/svg\"";

    /// <summary>The SVG, named by <paramref name="label"/> for screen readers.</summary>
    public static string Svg(string token, string label)
    {
        using var generator = new QRCodeGenerator();
        // Level M (15 % of the code may be lost): a phone screen held to a scanner has glare, not dirt.
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        if (!svg.StartsWith(SvgStart, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("QRCoder's SVG no longer starts as expected; the QR code cannot be named for screen readers.");
        }

        return SvgStart + $" class=\"qr\" role=\"img\" aria-label=\"{SecurityElement.Escape(label)}\"" + svg[SvgStart.Length..];
    }
}
