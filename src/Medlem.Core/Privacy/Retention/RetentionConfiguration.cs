using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Privacy.Retention;

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> run)
    {
        run.Property(r => r.StartedBy).HasMaxLength(60);
        run.Property(r => r.Failure).HasMaxLength(200);
        run.HasIndex(r => r.StartedAt);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> lease)
    {
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(40);
        lease.Property(l => l.Holder).HasMaxLength(120);
    }
}
