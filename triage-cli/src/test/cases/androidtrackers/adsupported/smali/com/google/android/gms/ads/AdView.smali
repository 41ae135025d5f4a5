.class public Lcom/google/android/gms/ads/AdView;
.super Ljava/lang/Object;
.source "AdView.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
