.class public Lcom/google/android/gms/ads/MobileAds;
.super Ljava/lang/Object;
.source "MobileAds.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
