using System.Net.Http.Headers;
using System.Text;
using Medlem.Web.Features.Imports;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Imports;

/// <summary>Uploads through the real form, makes API keys the way the keys page does, and posts batches as a connected system would.</summary>
internal static class ImportTestClient
{
    /// <summary>
    /// The upload form as a browser sends it: the token first, then kind, format, the file and
    /// perhaps a profile. An empty <paramref name="fileName"/> is a form sent with no file chosen.
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient staff, string kind, string fileName, string content, string format = "medlem", string? profileJson = null)
    {
        var token = StaffClient.AntiforgeryToken(await staff.GetStringAsync("/Imports/Upload"), "/Imports/Upload");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent(format), "Format" },
        };
        if (fileName.Length == 0)
        {
            var none = File("", "application/octet-stream");
            none.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"File\"", FileName = "\"\"" };
            form.Add(none);
        }
        else
        {
            form.Add(File(content, "text/csv"), "File", fileName);
        }

        if (profileJson is not null)
        {
            form.Add(File(profileJson, "application/json"), "Profile", "profil.json");
        }

        return await staff.PostAsync("/Imports/Upload", form);
    }

    /// <summary>The run an upload redirected to (/Imports/Details/{id}).</summary>
    public static long RunId(HttpResponseMessage redirect) =>
        long.Parse(redirect.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> CreateKeyAsync(MedlemApplication app, int libraryId, string name) =>
        await app.WithDbAsync(async db =>
        {
            var (key, source) = ApiKeys.Create(libraryId, name, "admin.test", MedlemApplication.Now);
            db.ActivitySources.Add(source);
            await db.SaveChangesAsync();
            return key;
        });

    public static Task<HttpResponseMessage> PostBatchAsync(HttpClient client, string kind, string? key, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/activity/{kind}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private static ByteArrayContent File(string content, string mediaType)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return file;
    }
}
