using Medlem.Core.Consortium;
using Medlem.Core.Members;
using Medlem.Web.Features.Admin;
using Medlem.Web.Features.Imports;
using Medlem.Web.Features.Insight;
using Medlem.Web.Features.Member;
using Medlem.Web.Features.Member.Card;
using Medlem.Web.Features.Member.ElectronicId;
using Medlem.Web.Features.Privacy.Consents;
using Medlem.Web.Features.Members;
using Medlem.Web.Features.Privacy;
using Medlem.Web.Features.Privacy.Restriction;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedlemLogRedaction();

builder.Services.AddMedlemCore(builder.Configuration, builder.Environment);
builder.Services.AddMedlemStorage(StorageSetup.ReadDatabaseOptions(builder.Configuration));
builder.Services.AddMedlemDataProtection(StorageSetup.ReadDatabaseOptions(builder.Configuration));
builder.Services.AddMedlemLocalization(builder.Environment.ContentRootPath);
builder.Services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
builder.Services.AddScoped<StaffSignIn>();
builder.Services.AddMemberSite();
builder.Services.AddMyPage();
builder.Services.AddMemberCards(builder.Configuration);
builder.Services.AddMedlemImports();
builder.Services.AddMedlemInsight();
builder.Services.AddHostedService<Medlem.Web.Features.Privacy.Retention.NightlyRetentionJob>();
builder.Services.AddMedlemPrivacy(builder.Configuration);

builder.Services.AddAuthentication(StaffPrincipal.Scheme)
    .AddCookie(StaffPrincipal.Scheme, options =>
    {
        options.Cookie.Name = "medlem.staff";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/Account/Login";
        options.AccessDeniedPath = "/Account/Denied";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events = ApiCookieEvents.ForApiPaths();
    })
    .AddMemberCookie()
    .AddElectronicId(builder.Configuration, builder.Environment);
builder.Services.AddStaffAuthorization().AddMemberPolicy();
builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/Features";
    options.Conventions.AuthorizeStaffAndMemberPages(StaffPolicies.AnyStaff);
    options.Conventions.AuthorizeFolder("/Members", StaffPolicies.ReadMembers);
    options.Conventions.AuthorizeFolder("/Admin", StaffPolicies.Administer);
    options.Conventions.AuthorizeFolder("/Imports", StaffPolicies.RunImports);
    options.Conventions.AuthorizePage("/Imports/Keys", StaffPolicies.Administer);
    options.Conventions.AuthorizeFolder("/Insight", StaffPolicies.ViewInsight);
    options.Conventions.AuthorizeFolder("/Privacy/Access", StaffPolicies.HandlePrivacyRequests);
    options.Conventions.AuthorizeFolder("/Privacy/Erasure", StaffPolicies.HandlePrivacyRequests);
    // The Norwegian addresses staff are told about: /innsikt and /innsikt/rapport.
    options.Conventions.AddPageRoute("/Insight/Index", "innsikt");
    options.Conventions.AddPageRoute("/Insight/Report", "innsikt/rapport");
    options.Conventions.AllowAnonymousToFolder("/Account");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/Status");
    options.Conventions.AuthorizeFolder("/Privacy/DataMap", StaffPolicies.ViewDataMap);
    options.Conventions.AuthorizeFolder("/Privacy/Requests", StaffPolicies.HandlePrivacyRequests);
    options.Conventions.AuthorizeFolder("/Privacy/Retention", StaffPolicies.ViewDataMap);
    options.Conventions.AuthorizeFolder("/Privacy/Breaches", StaffPolicies.ViewAudit);
    // The privacy notice is for members and the public: /personvern/{library code}.
    options.Conventions.AllowAnonymousToPage("/Privacy/Notice");
});
// Norwegian letters are written as themselves in pages, not as &#xE5; escapes.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(options =>
{
    options.AddDocumentTransformer<OpenApiDescription>();
    options.AddDocumentTransformer<ActivityApiDocument>();
    options.AddOperationTransformer<ActivityApiDocument>();
});
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await DatabaseStartup.RunAsync(app.Services, app.Environment, app.Configuration, app.Lifetime.ApplicationStopping);

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler("/Error");
// Browsers get a readable status page; API callers get RFC 9457 problem details.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapScalarApiReference("/scalar", options => options.WithTitle("Medlem API")).AllowAnonymous();
app.MapLanguageSwitch();

var api = app.MapGroup("/api/v1");
api.MapMembers();
api.MapMemberships();
api.MapMembershipTypes();
api.MapActivity();
api.MapInsight();
api.MapConsents();
api.MapPrivacy();
api.MapRestriction();
api.MapCards();

app.MapRazorPages();

await app.RunAsync();

/// <summary>The web host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
