using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Insight;

/// <summary>A fresh application with the test consortium and <see cref="InsightData"/>, and Stavanger's analyst signed in.</summary>
public abstract class InsightTest : IAsyncLifetime
{
    protected MedlemApplication App { get; } = new();

    protected TestConsortium Data { get; private set; } = null!;

    protected HttpClient Analyst { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Data = await TestConsortium.SeedAsync(App);
        await InsightData.SeedAsync(App, Data);
        Analyst = await StaffClient.LoginAsync(App, "stavanger", StaffRoles.Analyst);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
