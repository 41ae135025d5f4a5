.class public Lcom/google/firebase/analytics/FirebaseAnalytics;
.super Ljava/lang/Object;
.source "FirebaseAnalytics.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
