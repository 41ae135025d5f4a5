.class public Lcom/google/analytics/data/v1beta/BetaAnalyticsDataClient;
.super Ljava/lang/Object;
.source "BetaAnalyticsDataClient.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
