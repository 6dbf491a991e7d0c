using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// The upload form, read part by part as it streams in, so an export of gigabytes goes straight
/// to its kept file instead of through ASP.NET's form buffer. The antiforgery token must be the
/// first part (the form puts it first) and is checked before a byte of the file is stored.
/// </summary>
internal sealed class UploadForm
{
    public const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;
    public const int MaxProfileChars = 256 * 1024;
    private const int MaxFieldChars = 200;
    private const int MaxBoundaryLength = 70;

    public string? Kind { get; private set; }

    public string? Format { get; private set; }

    /// <summary>The file's name without any path the browser sent; null when no file was chosen.</summary>
    public string? FileName { get; private set; }

    public string? ProfileJson { get; private set; }

    public bool ProfileTooLarge { get; private set; }

    /// <summary>Reads the form, writing the file to <paramref name="file"/>; null when it is no upload form of ours or its token is not valid.</summary>
    public static async Task<UploadForm?> ReadAsync(HttpContext context, IAntiforgery antiforgery, AntiforgeryOptions options, Func<Stream> file, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= MaxBoundaryLength } boundary)
        {
            return null;
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        if (!await HasValidTokenAsync(context, reader, antiforgery, options, ct))
        {
            return null;
        }

        var form = new UploadForm();
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            switch (name)
            {
                case "Kind":
                    form.Kind = (await ReadTextAsync(section.Body, MaxFieldChars, ct)).Text;
                    break;
                case "Format":
                    form.Format = (await ReadTextAsync(section.Body, MaxFieldChars, ct)).Text;
                    break;
                case "File" when form.FileName is null && FileNameOf(disposition) is { } fileName:
                    await using (var target = file())
                    {
                        await section.Body.CopyToAsync(target, ct);
                    }

                    form.FileName = fileName;
                    break;
                case "Profile" when FileNameOf(disposition) is not null:
                    var (json, tooLong) = await ReadTextAsync(section.Body, MaxProfileChars, ct);
                    (form.ProfileJson, form.ProfileTooLarge) = (tooLong ? null : json, tooLong);
                    break;
            }
        }

        return form;
    }

    /// <summary>
    /// The token from the first part, checked as antiforgery checks a header token: handing it
    /// over as the header keeps antiforgery from reading (and buffering) the whole form itself.
    /// </summary>
    private static async Task<bool> HasValidTokenAsync(HttpContext context, MultipartReader reader, IAntiforgery antiforgery, AntiforgeryOptions options, CancellationToken ct)
    {
        if (options.HeaderName is null
            || await reader.ReadNextSectionAsync(ct) is not { } first
            || !ContentDispositionHeaderValue.TryParse(first.ContentDisposition, out var disposition)
            || HeaderUtilities.RemoveQuotes(disposition.Name).Value != options.FormFieldName)
        {
            return false;
        }

        var (token, tooLong) = await ReadTextAsync(first.Body, 4096, ct);
        if (tooLong || token.Length == 0)
        {
            return false;
        }

        context.Request.Headers[options.HeaderName] = token;
        return await antiforgery.IsRequestValidAsync(context);
    }

    /// <summary>A browser sends an empty file part with an empty name when no file was chosen.</summary>
    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // Old browsers send the whole path; only the name is the file's.
        name = name.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        return name.Length == 0 ? null : name[..Math.Min(name.Length, 200)];
    }

    private static async Task<(string Text, bool TooLong)> ReadTextAsync(Stream body, int maxChars, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var buffer = new char[maxChars + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        return read > maxChars ? ("", true) : (new string(buffer, 0, read), false);
    }
}
