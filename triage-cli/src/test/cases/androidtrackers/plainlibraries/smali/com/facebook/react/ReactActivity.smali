.class public Lcom/facebook/react/ReactActivity;
.super Ljava/lang/Object;
.source "ReactActivity.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
